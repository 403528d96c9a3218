// EasyFacture backend on Azure: the license app and the OCR app on Flex Consumption, each with its own
// user-assigned identity and Key Vault; one storage account, one Service Bus namespace, one PostgreSQL server,
// Application Insights. Deploy with (README "Deploy"):
//   az deployment group create -g <rg> -f infra/bicep/main.bicep -p infra/bicep/main.dev.bicepparam
//
// Names shared with the code are written here once and checked against Core by
// tests/Backend.Tests/Configuration (queue names, container names, every app setting).

targetScope = 'resourceGroup'

@allowed(['dev', 'prod'])
param environmentName string

param location string = resourceGroup().location

@minLength(2)
@maxLength(6)
@description('Short prefix of every resource name: lowercase letters and digits (it is part of the storage account name).')
param namePrefix string = 'efac'

// ---- PostgreSQL ----

param postgresAdministratorLogin string = 'efadmin'

@secure()
@description('Break-glass password of the administrator; empty (prod) = password login disabled, Microsoft Entra only. Without ; \' or ".')
param postgresAdministratorPassword string = ''

@description('Microsoft Entra administrator of the server (the operators\' group): runs the migrations and infra/postgres/app-roles.sql. The apps never log in as it.')
param postgresEntraAdminObjectId string = ''

@description('Display name of postgresEntraAdminObjectId (its PostgreSQL role name).')
param postgresEntraAdminName string = ''

@allowed(['User', 'Group', 'ServicePrincipal'])
param postgresEntraAdminType string = 'Group'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'Burstable'

param postgresSkuName string = 'Standard_B1ms'

@allowed(['15', '16'])
param postgresVersion string = '16'

param postgresStorageSizeGB int = 32

@description('Point-in-time restore window of the database, in days (7-35): any second of it can be restored to a new server.')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@description('Geo-redundant database backups (restore in the paired region if the region is lost). Fixed when the server is created.')
param postgresGeoRedundantBackup bool = false

@description('Public access: [{ name, startIpAddress, endIpAddress }], e.g. the operator\'s IP for psql.')
param postgresFirewallRules array = []

@description('Public access: admit Azure services (needed unless the apps are VNet-integrated, see appsSubnetId).')
param postgresAllowAzureServices bool = true

@description('Private access: subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers; empty = public access.')
param postgresDelegatedSubnetId string = ''

@description('Private access: private DNS zone privatelink.postgres.database.azure.com linked to the VNet.')
param postgresPrivateDnsZoneId string = ''

@description('Subnet delegated to Microsoft.App/environments for the apps\' VNet integration (required with private access).')
param appsSubnetId string = ''

@description('Npgsql pool size per app instance; instances x this must stay under max_connections without PgBouncer.')
param databaseMaxPoolSize int = 5

// ---- Everything else ----

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS'])
param storageSkuName string = 'Standard_LRS'

@description('Days a deleted invoice file or container can be undeleted; overwritten blobs keep their versions (blob versioning).')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 14

@description('E-mail address the monitoring alerts (modules/alerts.bicep) are sent to; empty = alerts fire in the portal only.')
param alertEmail string = ''

@allowed(['Standard', 'Premium'])
param serviceBusSkuName string = 'Standard'

param licenseAppMaximumInstanceCount int = 40
param ocrAppMaximumInstanceCount int = 40

param logDailyQuotaGb int = 1

@description('Share of traces both function apps record and send to Application Insights, 0-1, decided at the root of each trace (Telemetry__TraceSampleRatio). Metrics count every request whatever it is.')
param telemetryTraceSampleRatio string = '0.1'

@description('Region of the web app\'s Static Web App (the service exists in a few regions only; West Europe is one).')
@allowed(['westeurope', 'centralus', 'eastus2', 'westus2', 'eastasia'])
param webAppLocation string = 'westeurope'

@description('Free is enough for a console (100 GB a month); Standard adds custom authentication and an SLA.')
@allowed(['Free', 'Standard'])
param webAppSkuName string = 'Free'

param keyVaultPurgeProtection bool = false

@description('Object id of the operator (user or group) who sets and rotates secrets; empty = grant Key Vault Secrets Officer by hand.')
param vaultOfficerPrincipalId string = ''

@allowed(['User', 'Group', 'ServicePrincipal'])
param vaultOfficerPrincipalType string = 'User'

@description('OCR engine of the OCR app: auto (Textract once textractRegion is set), local (Tesseract: not installed on Flex Consumption, so only for a custom image) or textract.')
@allowed(['auto', 'local', 'textract'])
param ocrEngine string = 'auto'

@description('AWS region of Textract, e.g. eu-west-3. The access key pair is read from the OCR Key Vault (aws-access-key-id, aws-secret-access-key).')
param textractRegion string = 'eu-west-3'

@description('S3 bucket Textract reads multi-page PDFs from (StartExpenseAnalysis). Empty: multi-page PDFs are refused.')
param textractS3Bucket string = ''

@description('Further admin API keys as SHA-256 hex digests, comma separated, optionally name:digest.')
param adminApiKeyHashes string = ''

@description('Resellers\' API keys from configuration: name:product|product:sha256hex, comma separated (others are created by admins).')
param partnerApiKeyHashes string = ''

@description('Public keys (base64 SubjectPublicKeyInfo, comma separated) of retired license signing keys, so licenses they signed keep validating.')
param licenseRetiredPublicKeys string = ''

@description('renewal_url returned with LICENSE_EXPIRED.')
param licenseRenewalUrl string = 'https://easyfacture.com/renew'

@description('Claude model asked for accounting proposals when the anthropic-api-key secret is set.')
param claudeModel string = 'claude-sonnet-4-5'

@description('Email of the first admin account, created at start-up when no admin exists (its password is the Key Vault secret accounts-bootstrap-admin-password). Empty: no bootstrap.')
param bootstrapAdminEmail string = ''

@description('SMTP server of the license e-mails; the default is Azure Communication Services Email (deployed below). Any SMTP relay works.')
param emailSmtpHost string = 'smtp.azurecomm.net'

@description('SMTP user name: for Communication Services, <communication service>.<Entra app id>.<tenant id>. Empty: no e-mail is sent (they wait in the outbox). Its password is the Key Vault secret email-smtp-password.')
param emailSmtpUsername string = ''

@description('Sender of the license e-mails; empty: DoNotReply@ the Azure-managed domain.')
param emailFrom string = ''

@description('Public base URL of the license API, for the unsubscribe links of reminders; empty: the license app\'s default host name.')
param licensePublicBaseUrl string = ''

@description('Second deployment, after the OCR app\'s code is published: create the inbox Event Grid subscription.')
param deployInboxSubscription bool = false

@description('[Function] name of the OCR app\'s inbox blob trigger.')
param inboxFunctionName string = 'BlobOcr'

// ---- Names shared with Core ----

// src/Core/Jobs/QueueNames.cs
var queueNames = [
  'ocr-jobs'
  'ai-analysis'
]

// src/Core/Storage/ContainerNames.cs
var inboxContainerName = 'inbox'
var invoicesContainerName = 'invoices'
var exportsContainerName = 'exports'

// Key Vault secret names (letters, digits and dashes only), set by the operator with az keyvault secret set (README
// "Deploy") and referenced by the app settings of the features that read them. The database has no secret: the
// apps log in with their managed identities.
var secretNames = {
  adminApiKey: 'licensing-admin-api-key'
  // ECDSA P-256 private key (PKCS#8, base64 DER or PEM). Rotating: new secret value, old public key into licenseRetiredPublicKeys.
  licenseSigningKey: 'licensing-signing-key'
  // One secret per AES key id; rotating adds encryption-key-v2 and a matching Encryption__Keys__v2 setting below.
  encryptionKeyV1: 'encryption-key-v1'
  awsAccessKeyId: 'aws-access-key-id'
  awsSecretAccessKey: 'aws-secret-access-key'
  // Empty secret value = no Claude: the offline rules analyzer books alone.
  anthropicApiKey: 'anthropic-api-key'
  // HMAC key (base64 of 32+ random bytes) signing people's access tokens; set in both vaults (both apps check tokens).
  // Rotating: add access-token-key-v2 and AccessTokens__Keys__v2 below, switch AccessTokens__ActiveKeyId, drop v1 an hour later.
  accessTokenKeyV1: 'access-token-key-v1'
  // Password of the bootstrap admin account (12+ characters, not a common password).
  bootstrapAdminPassword: 'accounts-bootstrap-admin-password'
  // Password of the SMTP user (Communication Services: the Entra application's client secret).
  emailSmtpPassword: 'email-smtp-password'
}

// ---- Resource names ----

var token = take(uniqueString(subscription().id, resourceGroup().id, environmentName), 6)
var baseName = '${namePrefix}-${environmentName}-${token}'
var licenseAppName = 'func-${namePrefix}-lic-${environmentName}-${token}'
var ocrAppName = 'func-${namePrefix}-ocr-${environmentName}-${token}'
var licenseDeploymentContainer = 'deploy-license'
var ocrDeploymentContainer = 'deploy-ocr'
var licenseVaultName = 'kv-${namePrefix}-lic-${environmentName}-${take(token, 4)}'
var ocrVaultName = 'kv-${namePrefix}-ocr-${environmentName}-${take(token, 4)}'
var tags = {
  application: 'easyfacture-backend'
  environment: environmentName
}

// ---- Identities ----

resource licenseIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${namePrefix}-lic-${environmentName}-${token}'
  location: location
  tags: tags
}

resource ocrIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${namePrefix}-ocr-${environmentName}-${token}'
  location: location
  tags: tags
}

// ---- Shared resources ----

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${baseName}'
    applicationInsightsName: 'appi-${baseName}'
    dailyQuotaGb: logDailyQuotaGb
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: toLower('st${namePrefix}${environmentName}${token}')
    location: location
    tags: tags
    skuName: storageSkuName
    blobSoftDeleteDays: blobSoftDeleteDays
    dataContainers: [
      inboxContainerName
      invoicesContainerName
      exportsContainerName
    ]
    dataPrincipalId: ocrIdentity.properties.principalId
  }
}

// Each app's Functions host storage (function keys, locks, code package) in an account only its identity can reach.
module licenseHostStorage 'modules/hostStorage.bicep' = {
  name: 'licenseHostStorage'
  params: {
    name: toLower('st${namePrefix}${environmentName}${token}lic')
    location: location
    tags: tags
    skuName: storageSkuName
    principalId: licenseIdentity.properties.principalId
    deploymentContainer: licenseDeploymentContainer
  }
}

module ocrHostStorage 'modules/hostStorage.bicep' = {
  name: 'ocrHostStorage'
  params: {
    name: toLower('st${namePrefix}${environmentName}${token}ocr')
    location: location
    tags: tags
    skuName: storageSkuName
    principalId: ocrIdentity.properties.principalId
    deploymentContainer: ocrDeploymentContainer
  }
}

module serviceBus 'modules/serviceBus.bicep' = {
  name: 'serviceBus'
  params: {
    name: 'sb-${baseName}'
    location: location
    tags: tags
    skuName: serviceBusSkuName
    queueNames: queueNames
    principalId: ocrIdentity.properties.principalId
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: 'psql-${baseName}'
    location: location
    tags: tags
    administratorLogin: postgresAdministratorLogin
    administratorPassword: postgresAdministratorPassword
    entraAdminObjectId: postgresEntraAdminObjectId
    entraAdminName: postgresEntraAdminName
    entraAdminType: postgresEntraAdminType
    version: postgresVersion
    skuTier: postgresSkuTier
    skuName: postgresSkuName
    storageSizeGB: postgresStorageSizeGB
    backupRetentionDays: postgresBackupRetentionDays
    geoRedundantBackup: postgresGeoRedundantBackup
    firewallRules: postgresFirewallRules
    allowAzureServices: postgresAllowAzureServices
    delegatedSubnetId: postgresDelegatedSubnetId
    privateDnsZoneId: postgresPrivateDnsZoneId
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    tags: tags
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    serviceBusName: serviceBus.outputs.name
    postgresServerName: postgres.outputs.name
    alertEmail: alertEmail
  }
}

// Each app logs in as its own managed identity (a PostgreSQL role created by the Entra administrator and made a
// member of backend_license / backend_ocr, infra/postgres/app-roles.sql) with an Entra token: no password exists,
// so the connection string is not a secret. PgBouncer runs in transaction pooling mode: Npgsql need not reset
// session state on return to its pool.
var databaseConnectionBase = 'Host=${postgres.outputs.fullyQualifiedDomainName};Port=${postgres.outputs.port};Database=${postgres.outputs.databaseName};SSL Mode=VerifyFull;Maximum Pool Size=${databaseMaxPoolSize};No Reset On Close=${postgres.outputs.port == 6432}'
var licenseDatabaseConnectionString = '${databaseConnectionBase};Username=${licenseIdentity.name}'
var ocrDatabaseConnectionString = '${databaseConnectionBase};Username=${ocrIdentity.name}'

module licenseVault 'modules/keyVault.bicep' = {
  name: 'licenseVault'
  params: {
    name: licenseVaultName
    location: location
    tags: tags
    secrets: {}
    readerPrincipalId: licenseIdentity.properties.principalId
    vaultOfficerPrincipalId: vaultOfficerPrincipalId
    vaultOfficerPrincipalType: vaultOfficerPrincipalType
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: keyVaultPurgeProtection ? 90 : 7
  }
}

module ocrVault 'modules/keyVault.bicep' = {
  name: 'ocrVault'
  params: {
    name: ocrVaultName
    location: location
    tags: tags
    secrets: {}
    readerPrincipalId: ocrIdentity.properties.principalId
    vaultOfficerPrincipalId: vaultOfficerPrincipalId
    vaultOfficerPrincipalType: vaultOfficerPrincipalType
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: keyVaultPurgeProtection ? 90 : 7
  }
}

// ---- App settings ----
// The one place that says which setting each app gets. tests/Backend.Tests/Configuration parses the two objects
// below: every key the code reads for an app must be here, and nothing else (besides the host's own settings).
// Mapping of setting sections to apps: Database, AccessTokens, Webhooks, Telemetry -> both; Licensing, Accounts, Email, Events -> license app;
// Invoices, Ocr, Encryption, Accounting, InvoiceStorage, ServiceBus -> OCR app (see ConfigurationSources.AppSections in the test).
// Flex Consumption sets FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION from functionAppConfig and
// rejects them as app settings.

var licenseAppSettings = {
  AzureWebJobsStorage__accountName: licenseHostStorage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: licenseIdentity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  Database__ConnectionString: licenseDatabaseConnectionString
  Database__CommandTimeoutSeconds: '15'
  Database__Credential: 'managedidentity'
  Database__ClientId: licenseIdentity.properties.clientId
  // Traces, metrics and logs of the worker through OpenTelemetry (Core/Telemetry) to the same Application Insights.
  Telemetry__AzureMonitorConnectionString: monitoring.outputs.connectionString
  Telemetry__OtlpEndpoint: ''
  Telemetry__TraceSampleRatio: telemetryTraceSampleRatio
  Licensing__AdminApiKey: '@Microsoft.KeyVault(VaultName=${licenseVaultName};SecretName=${secretNames.adminApiKey})'
  // Further admin keys by SHA-256 only (rotation without a clear key anywhere): 'name:hexdigest,...'.
  Licensing__AdminApiKeyHashes: adminApiKeyHashes
  Licensing__SigningPrivateKey: '@Microsoft.KeyVault(VaultName=${licenseVaultName};SecretName=${secretNames.licenseSigningKey})'
  Licensing__RetiredPublicKeys: licenseRetiredPublicKeys
  Licensing__Product: 'easyfacture'
  Licensing__TrialDays: '30'
  Licensing__MaxTrialsPerEmail: '3'
  Licensing__RenewalUrl: licenseRenewalUrl
  // The Functions host proxies requests to the worker over loopback and passes the client in X-Forwarded-For.
  Licensing__TrustedProxies: '127.0.0.1,::1'
  Licensing__MaxBodyBytes: '16384'
  Licensing__FlushIntervalMilliseconds: '1000'
  Licensing__StatesInMemory: 'true'
  Licensing__RateLimits__Trial__Limit: '3'
  Licensing__RateLimits__Trial__WindowSeconds: '3600'
  Licensing__RateLimits__Activate__Limit: '10'
  Licensing__RateLimits__Activate__WindowSeconds: '3600'
  Licensing__RateLimits__Validate__Limit: '100'
  Licensing__RateLimits__Validate__WindowSeconds: '3600'
  Licensing__RateLimits__Heartbeat__Limit: '1'
  Licensing__RateLimits__Heartbeat__WindowSeconds: '86400'
  Licensing__RateLimits__IPv6PrefixLength: '64'
  Licensing__RateLimits__MaxTrackedClients: '100000'
  Partners__ApiKeyHashes: partnerApiKeyHashes
  Partners__RateLimit__Limit: '100'
  Partners__RateLimit__WindowSeconds: '3600'
  AccessTokens__ActiveKeyId: 'v1'
  AccessTokens__Keys__v1: '@Microsoft.KeyVault(VaultName=${licenseVaultName};SecretName=${secretNames.accessTokenKeyV1})'
  AccessTokens__LifetimeMinutes: '60'
  AccessTokens__ClockSkewSeconds: '30'
  Accounts__BootstrapAdminEmail: bootstrapAdminEmail
  Accounts__BootstrapAdminPassword: '@Microsoft.KeyVault(VaultName=${licenseVaultName};SecretName=${secretNames.bootstrapAdminPassword})'
  // OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane); raising them rehashes each password at its next sign-in.
  Accounts__Argon2MemoryKib: '19456'
  Accounts__Argon2Iterations: '2'
  Accounts__Argon2Parallelism: '1'
  Accounts__RefreshTokenDays: '7'
  Accounts__PasswordSetupHours: '24'
  Accounts__LoginPerAccount__Limit: '10'
  Accounts__LoginPerAccount__WindowSeconds: '900'
  Accounts__LoginPerAddress__Limit: '50'
  Accounts__LoginPerAddress__WindowSeconds: '900'
  Accounts__MaxBodyBytes: '8192'
  Webhooks__AllowPrivateNetworks: 'false'
  Webhooks__TimeoutSeconds: '10'
  Webhooks__SecretOverlapHours: '24'
  Webhooks__Concurrency: '8'
  Webhooks__PollIntervalMilliseconds: '1000'
  Email__SmtpHost: emailSmtpUsername == '' ? '' : emailSmtpHost
  Email__SmtpPort: '587'
  Email__TlsMode: 'starttls'
  Email__Username: emailSmtpUsername
  Email__Password: '@Microsoft.KeyVault(VaultName=${licenseVaultName};SecretName=${secretNames.emailSmtpPassword})'
  Email__From: emailFrom == '' ? 'EasyFacture <${email.outputs.fromAddress}>' : emailFrom
  Email__PublicBaseUrl: licensePublicBaseUrl == '' ? 'https://${licenseAppName}.azurewebsites.net' : licensePublicBaseUrl
  Email__TimeoutSeconds: '30'
  Events__ExpiryScanIntervalSeconds: '900'
}

var ocrAppSettings = {
  AzureWebJobsStorage__accountName: ocrHostStorage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: ocrIdentity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  Database__ConnectionString: ocrDatabaseConnectionString
  Database__CommandTimeoutSeconds: '15'
  Database__Credential: 'managedidentity'
  Database__ClientId: ocrIdentity.properties.clientId
  // Traces, metrics and logs of the worker through OpenTelemetry (Core/Telemetry) to the same Application Insights.
  Telemetry__AzureMonitorConnectionString: monitoring.outputs.connectionString
  Telemetry__OtlpEndpoint: ''
  Telemetry__TraceSampleRatio: telemetryTraceSampleRatio
  InvoiceStorage__blobServiceUri: storage.outputs.blobEndpoint
  InvoiceStorage__queueServiceUri: storage.outputs.queueEndpoint
  InvoiceStorage__credential: 'managedidentity'
  InvoiceStorage__clientId: ocrIdentity.properties.clientId
  ServiceBus__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
  ServiceBus__credential: 'managedidentity'
  ServiceBus__clientId: ocrIdentity.properties.clientId
  // Tenant creation (POST /api/v1/admin/tenants) is served by this app and checks the same admin key.
  Licensing__AdminApiKey: '@Microsoft.KeyVault(VaultName=${ocrVaultName};SecretName=${secretNames.adminApiKey})'
  Licensing__AdminApiKeyHashes: adminApiKeyHashes
  // Tenant users' access tokens open the invoice and accounting routes of this app (issued by the license app).
  AccessTokens__ActiveKeyId: 'v1'
  AccessTokens__Keys__v1: '@Microsoft.KeyVault(VaultName=${ocrVaultName};SecretName=${secretNames.accessTokenKeyV1})'
  AccessTokens__LifetimeMinutes: '60'
  AccessTokens__ClockSkewSeconds: '30'
  Encryption__ActiveKeyId: 'v1'
  Encryption__Keys__v1: '@Microsoft.KeyVault(VaultName=${ocrVaultName};SecretName=${secretNames.encryptionKeyV1})'
  Invoices__RetryBaseDelaySeconds: '30'
  Invoices__StuckAfterSeconds: '900'
  Invoices__SweepIntervalSeconds: '300'
  Invoices__InboxScanIntervalSeconds: '10'
  Invoices__InboxSettleMilliseconds: '1000'
  Invoices__FileLinkLifetimeMinutes: '15'
  Ocr__Engine: ocrEngine
  Ocr__LocalTimeoutSeconds: '60'
  Ocr__LocalMaxMemoryMegabytes: '1024'
  Ocr__MaxPages: '10'
  Ocr__TesseractLanguages: 'fra+eng'
  Textract__Region: textractRegion
  Textract__AccessKeyId: '@Microsoft.KeyVault(VaultName=${ocrVaultName};SecretName=${secretNames.awsAccessKeyId})'
  Textract__SecretAccessKey: '@Microsoft.KeyVault(VaultName=${ocrVaultName};SecretName=${secretNames.awsSecretAccessKey})'
  Textract__Endpoint: ''
  Textract__S3Bucket: textractS3Bucket
  Textract__S3Endpoint: ''
  Textract__MaxRetries: '4'
  Textract__RetryBaseDelayMilliseconds: '500'
  Textract__RequestTimeoutSeconds: '30'
  Textract__AsyncTimeoutSeconds: '300'
  Textract__PollIntervalMilliseconds: '1000'
  Accounting__AccountNumberLength: '8'
  Accounting__PurchaseJournal: 'ACH'
  Accounting__DefaultExpenseAccount: '601'
  Accounting__SupplierAccount: '401'
  Accounting__DeductibleVatAccount: '44566'
  Claude__ApiKey: '@Microsoft.KeyVault(VaultName=${ocrVaultName};SecretName=${secretNames.anthropicApiKey})'
  Claude__BaseUrl: 'https://api.anthropic.com'
  Claude__Model: claudeModel
  Claude__MaxTokens: '2048'
  Claude__TimeoutSeconds: '60'
  Claude__MaxRetries: '2'
  Export__FecSeparator: 'pipe'
  Export__LinkLifetimeMinutes: '60'
  // Tenants register their invoice webhooks on this app (POST /api/webhooks), which checks the URLs the same way.
  Webhooks__AllowPrivateNetworks: 'false'
  Webhooks__TimeoutSeconds: '10'
  Webhooks__SecretOverlapHours: '24'
  Webhooks__Concurrency: '8'
  Webhooks__PollIntervalMilliseconds: '1000'
}

// ---- Web app (static site) ----

module webApp 'modules/staticWebApp.bicep' = {
  name: 'webApp'
  params: {
    name: 'stapp-${namePrefix}-${environmentName}-${token}'
    location: webAppLocation
    tags: tags
    skuName: webAppSkuName
  }
}

// Only the static site's origin may call the apps from a browser.
var webAppOrigins = ['https://${webApp.outputs.defaultHostName}']

// ---- Function apps ----

module email 'modules/email.bicep' = {
  name: 'email'
  params: {
    name: '${namePrefix}-${environmentName}-${token}'
    tags: tags
  }
}

module licenseApp 'modules/functionApp.bicep' = {
  name: 'licenseApp'
  params: {
    name: licenseAppName
    planName: 'plan-${namePrefix}-lic-${environmentName}-${token}'
    location: location
    tags: tags
    identityId: licenseIdentity.id
    storageBlobEndpoint: licenseHostStorage.outputs.blobEndpoint
    deploymentContainerName: licenseDeploymentContainer
    appSettings: licenseAppSettings
    maximumInstanceCount: licenseAppMaximumInstanceCount
    corsAllowedOrigins: webAppOrigins
    virtualNetworkSubnetId: appsSubnetId
  }
  // Key Vault references and the code package are read with the identity's roles: grant them first.
  dependsOn: [
    licenseVault
  ]
}

module ocrApp 'modules/functionApp.bicep' = {
  name: 'ocrApp'
  params: {
    name: ocrAppName
    planName: 'plan-${namePrefix}-ocr-${environmentName}-${token}'
    location: location
    tags: tags
    identityId: ocrIdentity.id
    storageBlobEndpoint: ocrHostStorage.outputs.blobEndpoint
    deploymentContainerName: ocrDeploymentContainer
    appSettings: ocrAppSettings
    maximumInstanceCount: ocrAppMaximumInstanceCount
    corsAllowedOrigins: webAppOrigins
    virtualNetworkSubnetId: appsSubnetId
  }
  dependsOn: [
    ocrVault
  ]
}

module inboxSubscription 'modules/inboxSubscription.bicep' = if (deployInboxSubscription) {
  name: 'inboxSubscription'
  params: {
    systemTopicName: storage.outputs.systemTopicName
    functionAppName: ocrApp.outputs.name
    functionName: inboxFunctionName
    containerName: inboxContainerName
  }
}

output webAppName string = webApp.outputs.name
output webAppUrl string = 'https://${webApp.outputs.defaultHostName}'
output licenseAppName string = licenseApp.outputs.name
output licenseAppUrl string = 'https://${licenseApp.outputs.defaultHostName}'
output ocrAppName string = ocrApp.outputs.name
output ocrAppUrl string = 'https://${ocrApp.outputs.defaultHostName}'
output licenseKeyVaultName string = licenseVault.outputs.name
output ocrKeyVaultName string = ocrVault.outputs.name
output storageAccountName string = storage.outputs.name
output serviceBusNamespace string = serviceBus.outputs.name
output postgresServer string = postgres.outputs.fullyQualifiedDomainName
// The PostgreSQL role names the Entra administrator creates for the apps (README "Deploy", step 2).
output licenseDatabaseRole string = licenseIdentity.name
output licenseIdentityPrincipalId string = licenseIdentity.properties.principalId
output ocrDatabaseRole string = ocrIdentity.name
output ocrIdentityPrincipalId string = ocrIdentity.properties.principalId
