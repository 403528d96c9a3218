// What pages an operator, and one workbook to look at: 5xx rate of both apps, OCR_FAILED rate, jobs waiting and dead
// letters in Service Bus, database CPU and storage. Log alerts read what the apps export through OpenTelemetry
// (requests, and the easyfacture.* metrics of Core/Telemetry as customMetrics).

param location string
param tags object
param applicationInsightsName string
param serviceBusName string
param postgresServerName string

@description('E-mail address the alerts are sent to; empty = alerts fire (visible in the portal) but notify nobody.')
param alertEmail string = ''

@description('Share of 5xx among requests over 15 minutes that raises an alert (0-1).')
param serverErrorRateThreshold string = '0.05'

@description('Share of OCR attempts ending OCR_FAILED over an hour that raises an alert (0-1).')
param ocrFailedRateThreshold string = '0.2'

@description('Messages waiting in a queue for 15 minutes that raise an alert (Service Bus has no age metric: a backlog that does not drain is the symptom).')
param queueBacklogThreshold int = 100

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: serviceBusName
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' existing = {
  name: postgresServerName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${postgresServerName}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'easyfacture'
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = [
  {
    actionGroupId: actionGroup.id
  }
]

resource serverErrors 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-5xx-rate-${applicationInsightsName}'
  location: location
  tags: tags
  properties: {
    displayName: 'EasyFacture: 5xx rate'
    description: 'More than ${serverErrorRateThreshold} of the requests of either function app answered 5xx over 15 minutes.'
    severity: 1
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'requests | summarize total = count(), failed = countif(toint(resultCode) >= 500) by cloud_RoleName | where total >= 20 and todouble(failed) / total > ${serverErrorRateThreshold}'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

resource ocrFailures 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-ocr-failed-rate-${applicationInsightsName}'
  location: location
  tags: tags
  properties: {
    displayName: 'EasyFacture: OCR_FAILED rate'
    description: 'More than ${ocrFailedRateThreshold} of the OCR attempts of the last hour ended OCR_FAILED (metric easyfacture.ocr.attempts).'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "easyfacture.ocr.attempts" | extend outcome = tostring(customDimensions.outcome) | summarize total = sum(valueSum), failed = sumif(valueSum, outcome == "failed") | where total >= 5 and failed / total > ${ocrFailedRateThreshold}'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Metric alerts: [name, resource, metric, aggregation, threshold, description].
var metricAlerts = [
  {
    name: 'queue-backlog'
    scope: serviceBus.id
    metric: 'ActiveMessages'
    aggregation: 'Average'
    threshold: queueBacklogThreshold
    severity: 2
    description: 'Jobs are waiting in ocr-jobs or ai-analysis and not draining (workers failing or scaled to nothing).'
  }
  {
    name: 'dead-letters'
    scope: serviceBus.id
    metric: 'DeadletteredMessages'
    aggregation: 'Maximum'
    threshold: 0
    severity: 2
    description: 'A job was dead-lettered: read it with the Service Bus explorer, fix, resubmit.'
  }
  {
    name: 'database-cpu'
    scope: postgres.id
    metric: 'cpu_percent'
    aggregation: 'Average'
    threshold: 80
    severity: 2
    description: 'PostgreSQL CPU above 80 % for 15 minutes.'
  }
  {
    name: 'database-storage'
    scope: postgres.id
    metric: 'storage_percent'
    aggregation: 'Maximum'
    threshold: 85
    severity: 1
    description: 'PostgreSQL storage above 85 % (auto-grow is on; this says the next step costs money).'
  }
]

resource metricAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = [for alert in metricAlerts: {
  name: 'alert-${alert.name}-${postgresServerName}'
  location: 'global'
  tags: tags
  properties: {
    description: alert.description
    severity: alert.severity
    enabled: true
    scopes: [
      alert.scope
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: alert.metric
          metricName: alert.metric
          operator: 'GreaterThan'
          threshold: alert.threshold
          timeAggregation: alert.aggregation
        }
      ]
    }
    actions: actions
  }
}]

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, applicationInsightsName, 'easyfacture-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'EasyFacture backend'
    category: 'workbook'
    sourceId: applicationInsights.id
    serializedData: loadTextContent('workbook.json')
  }
}
