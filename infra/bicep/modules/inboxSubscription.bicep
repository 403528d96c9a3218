// The Event Grid subscription that delivers "blob created in the inbox container" to the OCR app's blob trigger
// (Source = EventGrid). Deployed only once the app's code is published (main.bicep deployInboxSubscription):
// Event Grid validates the webhook when the subscription is created, and the blobs_extension system key in
// the URL exists only once the blob extension has started.

param systemTopicName string
param functionAppName string

@description('The [Function] name of the OCR app\'s blob trigger.')
param functionName string

@description('Core ContainerNames.Inbox.')
param containerName string

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: systemTopicName
}

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource inboxBlobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: topic
  name: 'inbox-blob-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${listKeys('${app.id}/host/default', '2023-12-01').systemKeys.blobs_extension}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      // Only the inbox: writes to invoices/ and exports/ must not start OCR.
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/blobs/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}
