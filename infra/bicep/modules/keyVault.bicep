// A Key Vault (RBAC authorization) for one function app: each app has its own vault, so its identity's
// Key Vault Secrets User role reaches its own secrets and no other app's.

param name string
param location string
param tags object

@description('Secrets created or updated by the deployment: { secretName: value }. Others are set with az keyvault secret set (README).')
@secure()
param secrets object

@description('The app identity that reads the secrets through Key Vault references.')
param readerPrincipalId string

@description('Object id of the operator (user or group) allowed to set secrets; empty = nobody (grant it by hand).')
param vaultOfficerPrincipalId string = ''

@allowed(['User', 'Group', 'ServicePrincipal'])
param vaultOfficerPrincipalType string = 'User'

@description('Prod: true (a deleted vault cannot be purged for the retention period). Dev: false, to delete and recreate freely.')
param enablePurgeProtection bool = false

@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 7

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // Purge protection cannot be turned off once on; null leaves it off without sending "false".
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource deployedSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for secret in items(secrets): {
  parent: vault
  name: secret.key
  properties: {
    value: secret.value
  }
}]

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource officer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(vaultOfficerPrincipalId)) {
  name: guid(vault.id, vaultOfficerPrincipalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: vaultOfficerPrincipalId
    principalType: vaultOfficerPrincipalType
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
