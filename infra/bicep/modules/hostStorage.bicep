// The Functions host storage of ONE app (AzureWebJobsStorage): its host containers (locks, timers, blob-trigger
// receipts in azure-webjobs-hosts; function keys in azure-webjobs-secrets) and its code-package container, in an
// account of its own. Only that app's identity has a role here, so no app can read another's function keys.
// Shared keys are disabled: the identity's container-scoped roles are the only way in.

param name string
param location string
param tags object

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS'])
param skuName string = 'Standard_LRS'

@description('Principal id of the app\'s user-assigned identity: Storage Blob Data Owner on the containers below.')
param principalId string

param deploymentContainer string

var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'

var containerNames = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
  deploymentContainer
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in containerNames: {
  parent: blobService
  name: container
  properties: {
    publicAccess: 'None'
  }
}]

module owner 'containerRoleAssignment.bicep' = [for container in containerNames: {
  name: 'host-${uniqueString(name, container, principalId)}'
  params: {
    storageAccountName: storage.name
    containerName: container
    principalId: principalId
    roleDefinitionId: storageBlobDataOwner
  }
  dependsOn: [
    containers
  ]
}]

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
