using 'main.bicep'

// Production: General Purpose PostgreSQL (built-in PgBouncer on 6432, transaction pooling), zone-redundant
// storage, Standard Service Bus, purge-protected Key Vaults.
// PostgreSQL: private access only (no public endpoint, no 0.0.0.0 "Azure services" rule), Microsoft Entra login
// only (no password): the apps are VNet-integrated and log in with their managed identities (README "Deploy").

param environmentName = 'prod'
param namePrefix = 'efac'

param postgresEntraAdminObjectId = readEnvironmentVariable('POSTGRES_ENTRA_ADMIN_OBJECT_ID', '')
param postgresEntraAdminName = readEnvironmentVariable('POSTGRES_ENTRA_ADMIN_NAME', '')
param postgresEntraAdminType = 'Group'
param postgresSkuTier = 'GeneralPurpose'
param postgresSkuName = 'Standard_D2ds_v5'
param postgresStorageSizeGB = 64
param postgresBackupRetentionDays = 35
param postgresGeoRedundantBackup = true
param postgresAllowAzureServices = false
param postgresFirewallRules = []
param postgresDelegatedSubnetId = readEnvironmentVariable('POSTGRES_SUBNET_ID', '')
param postgresPrivateDnsZoneId = readEnvironmentVariable('POSTGRES_PRIVATE_DNS_ZONE_ID', '')
param appsSubnetId = readEnvironmentVariable('APPS_SUBNET_ID', '')
param databaseMaxPoolSize = 20

param storageSkuName = 'Standard_ZRS'
param blobSoftDeleteDays = 30
param alertEmail = readEnvironmentVariable('ALERT_EMAIL', '')
param serviceBusSkuName = 'Standard'
param licenseAppMaximumInstanceCount = 40
param ocrAppMaximumInstanceCount = 40
param logDailyQuotaGb = 5
param keyVaultPurgeProtection = true

param vaultOfficerPrincipalId = readEnvironmentVariable('SECRETS_OFFICER_OBJECT_ID', '')
param vaultOfficerPrincipalType = 'Group'

param deployInboxSubscription = bool(readEnvironmentVariable('DEPLOY_INBOX_SUBSCRIPTION', 'false'))
