// The invoice data account: the data containers (inbox, invoices, exports) and the Event Grid system topic that
// turns a blob written to the inbox into a call of the OCR app's blob trigger (Flex Consumption only runs blob
// triggers whose Source is EventGrid). Each app's Functions host storage is an account of its own
// (hostStorage.bicep), so neither app can reach the other's function keys. Shared keys are disabled: every access
// is a managed identity with a role below.

param name string
param location string
param tags object

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS'])
param skuName string = 'Standard_LRS'

@description('Days a deleted blob or container can be undeleted (soft delete).')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 14

@description('Data containers (Core ContainerNames: inbox, invoices, exports).')
param dataContainers array

@description('The identity that reads and writes the data containers and runs the inbox blob trigger (the OCR app).')
param dataPrincipalId string

// Built-in role definition ids.
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageBlobDelegator = 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'

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
  properties: {
    // An invoice deleted by mistake can be undeleted, and an overwritten one read in its earlier version.
    deleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    isVersioningEnabled: true
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in dataContainers: {
  parent: blobService
  name: container
  properties: {
    publicAccess: 'None'
  }
}]

module dataContributor 'containerRoleAssignment.bicep' = [for container in dataContainers: {
  name: 'data-${uniqueString(container, dataPrincipalId)}'
  params: {
    storageAccountName: storage.name
    containerName: container
    principalId: dataPrincipalId
    roleDefinitionId: storageBlobDataContributor
  }
  dependsOn: [
    containers
  ]
}]

// The blob trigger keeps poison messages in a queue of the connection's queue service
// (InvoiceStorage__queueServiceUri); queues only, never blobs.
resource triggerQueues 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(queueService.id, dataPrincipalId, storageQueueDataContributor)
  scope: queueService
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: dataPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Export download links are user delegation SAS (shared keys are off). Getting the delegation key is an action on
// the blob service; what a SAS can reach stays bounded by the container-scoped data roles above.
resource sasDelegator 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(blobService.id, dataPrincipalId, storageBlobDelegator)
  scope: blobService
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDelegator)
    principalId: dataPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource blobEvents 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: 'evgt-${name}'
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output systemTopicName string = blobEvents.name
