// What pages an operator, and one workbook to look at: 5xx rate of both apps, OCR_FAILED rate, age of the oldest job
// waiting, dead letters in Service Bus, database CPU and storage. Log alerts read what the apps export through OpenTelemetry
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

@description('Age in seconds of the oldest message waiting in ocr-jobs or ai-analysis that raises an alert (metric easyfacture.queue.oldest_age, published every minute by the OCR app).')
param queueAgeThresholdSeconds int = 900

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

// Service Bus publishes no age of the oldest message; the OCR app's QueueAgeProbe timer peeks each queue every minute
// and publishes it as easyfacture.queue.oldest_age{queue}, SelfHost's instrument. A log alert on customMetrics, not a
// metric alert: the Azure Monitor OpenTelemetry exporter writes custom metrics to customMetrics, and they reach the
// metrics namespace with their `queue` dimension only once "alerting on custom metric dimensions" is switched on for the
// Application Insights resource, a portal setting that Bicep cannot set.
resource queueAge 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-queue-age-${applicationInsightsName}'
  location: location
  tags: tags
  properties: {
    displayName: 'EasyFacture: queue age'
    description: 'A job has waited more than ${queueAgeThresholdSeconds} s in ocr-jobs or ai-analysis (workers failing, stuck or scaled to nothing).'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "easyfacture.queue.oldest_age" | extend queue = tostring(customDimensions.queue) | summarize age = max(value) by queue | where age > ${queueAgeThresholdSeconds}'
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
