// Azure Database for PostgreSQL Flexible Server, TLS required, with the built-in PgBouncer where the tier has it.
//
// Networking is a parameter choice:
// - firewall (default): public endpoint, `firewallRules` for admin IPs, and optionally the "Azure services" rule
//   (0.0.0.0), which Flex Consumption apps without VNet integration need because they have no fixed outbound IPs;
// - private access: set `delegatedSubnetId` (a subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers) and
//   `privateDnsZoneId` (privatelink.postgres.database.azure.com linked to the VNet); the public endpoint is then
//   disabled and the apps must be VNet-integrated (main.bicep `appsSubnetId`).

param name string
param location string
param tags object

@minLength(1)
param administratorLogin string

@secure()
@description('Empty: password login disabled (Microsoft Entra only).')
param administratorPassword string = ''

@description('Object id of the Microsoft Entra administrator (a group of operators); empty = none yet (then keep a password).')
param entraAdminObjectId string = ''

param entraAdminName string = ''

@allowed(['User', 'Group', 'ServicePrincipal'])
param entraAdminType string = 'Group'

param databaseName string = 'backend'

@allowed(['15', '16'])
param version string = '16'

@description('Burstable (dev, cheapest, no PgBouncer) or GeneralPurpose (prod, PgBouncer).')
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param skuTier string = 'Burstable'

param skuName string = 'Standard_B1ms'

param storageSizeGB int = 32

param backupRetentionDays int = 7

@description('Copies backups to the paired region, so the server can be restored there if its region is lost. Can only be chosen when the server is created.')
param geoRedundantBackup bool = false

@description('Public access only: [{ name, startIpAddress, endIpAddress }].')
param firewallRules array = []

@description('Public access only: admit connections from Azure services (needed by apps without VNet integration).')
param allowAzureServices bool = true

@description('Private access: resource id of the delegated subnet; empty = public access with firewall rules.')
param delegatedSubnetId string = ''

@description('Private access: resource id of the private DNS zone for the server.')
param privateDnsZoneId string = ''

var privateAccess = !empty(delegatedSubnetId)
var passwordAuth = !empty(administratorPassword)

// PgBouncer is not offered on the Burstable tier.
var pgBouncer = skuTier != 'Burstable'

var allFirewallRules = privateAccess ? [] : concat(firewallRules, allowAzureServices ? [
  {
    name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
] : [])

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: passwordAuth ? administratorLogin : null
    administratorLoginPassword: passwordAuth ? administratorPassword : null
    // The apps log in with their managed identities' Entra tokens; a password, if any, is the operators' break-glass.
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: passwordAuth ? 'Enabled' : 'Disabled'
      tenantId: subscription().tenantId
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: privateAccess ? {
      delegatedSubnetResourceId: delegatedSubnetId
      privateDnsZoneArmResourceId: privateDnsZoneId
      publicNetworkAccess: 'Disabled'
    } : {
      publicNetworkAccess: 'Enabled'
    }
  }
}

// The server accepts one change at a time: rules, parameters and the database are applied one after another.
@batchSize(1)
resource rules 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = [for rule in allFirewallRules: {
  parent: server
  name: rule.name
  properties: {
    startIpAddress: rule.startIpAddress
    endIpAddress: rule.endIpAddress
  }
}]

resource requireSecureTransport 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'require_secure_transport'
  properties: {
    value: 'on'
    source: 'user-override'
  }
  dependsOn: [
    rules
  ]
}

resource pgBouncerEnabled 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = if (pgBouncer) {
  parent: server
  name: 'pgbouncer.enabled'
  properties: {
    value: 'true'
    source: 'user-override'
  }
  dependsOn: [
    requireSecureTransport
  ]
}

resource entraAdministrator 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = if (!empty(entraAdminObjectId)) {
  parent: server
  name: entraAdminObjectId
  properties: {
    principalName: entraAdminName
    principalType: entraAdminType
    tenantId: subscription().tenantId
  }
  dependsOn: [
    database
  ]
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [
    requireSecureTransport
    pgBouncerEnabled
  ]
}

output name string = server.name
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
// Through PgBouncer (transaction pooling) where it runs, else straight to PostgreSQL.
output port int = pgBouncer ? 6432 : 5432
