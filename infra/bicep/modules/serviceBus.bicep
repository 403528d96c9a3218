// The Service Bus namespace and the job queues of the OCR pipeline (Core QueueNames).
//
// Why these numbers (README "Deploy" explains the same):
// - The 3-attempt rule is enforced by Core, not by Service Bus: a failed OCR attempt increments
//   invoices.retry_count and re-enqueues a NEW scheduled message with backoff while retry_count < 3, then sets
//   OCR_FAILED. A message whose invoice is not in the expected state is completed without doing anything, so a
//   platform redelivery never counts as an attempt.
// - maxDeliveryCount therefore bounds only infrastructure failures of one message (the function threw, the
//   instance died, the lock expired): 10, the Service Bus default and SelfHost's Queue__MaxDeliveryCount, so both
//   hosts dead-letter after the same number of deliveries. It must stay above 3 so that a crash during an
//   attempt cannot dead-letter a job that Core would still retry.
// - lockDuration PT1M: the Functions host renews the lock while the function runs (host.json
//   maxAutoLockRenewalDuration 10 min, equal to functionTimeout), so a long Textract job keeps its message; a
//   message held by an instance that died is redelivered after at most a minute.
// - Dead-lettering on expiry: a job that waited 14 days (the Basic tier's maximum TTL) goes to the dead-letter
//   queue instead of vanishing; the stuck-invoice sweeper and POST /api/invoices/{id}/retry recover invoices.
// - Duplicate detection (Standard tier): ServiceBusJobQueue gives each job a MessageId derived from the job, so a
//   job sent twice (a retried send whose first attempt did reach the broker) is delivered once. The window (1 day)
//   is longer than the whole retry ladder (Invoices__RetryBaseDelaySeconds at most 1 h: 1 h + 2 h).

param name string
param location string
param tags object

@allowed(['Standard', 'Premium'])
@description('Standard: queues, scheduled messages, dead-lettering and duplicate detection (Basic lacks the last).')
param skuName string = 'Standard'

@description('Core QueueNames: ocr-jobs, ai-analysis.')
param queueNames array

@description('Delivery attempts of one message before dead-lettering; see the header comment.')
@minValue(4)
param maxDeliveryCount int = 10

@description('Identity that sends to and receives from every queue (the OCR app).')
param principalId string

var serviceBusDataSender = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
var serviceBusDataReceiver = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = [for queue in queueNames: {
  parent: namespace
  name: queue
  properties: {
    maxDeliveryCount: maxDeliveryCount
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: 'P14D'
    deadLetteringOnMessageExpiration: true
    requiresSession: false
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'P1D'
    enableBatchedOperations: true
  }
}]

resource senders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (queue, i) in queueNames: {
  name: guid(namespace.id, queue, principalId, serviceBusDataSender)
  scope: queues[i]
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', serviceBusDataSender)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

resource receivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (queue, i) in queueNames: {
  name: guid(namespace.id, queue, principalId, serviceBusDataReceiver)
  scope: queues[i]
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', serviceBusDataReceiver)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

output name string = namespace.name
// serviceBusEndpoint is https://<name>.servicebus.windows.net:443/ in the public cloud; keep only the host name.
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
