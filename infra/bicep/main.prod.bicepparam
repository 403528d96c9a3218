using 'main.bicep'

// Production: General Purpose PostgreSQL (built-in PgBouncer on 6432, transaction pooling), zone-redundant
// storage, Standard Service Bus, purge-protected Key Vaults.
// For private access instead of the public endpoint, set postgresDelegatedSubnetId, postgresPrivateDnsZoneId and
// appsSubnetId (README "Deploy", Networking).

param environmentName = 'prod'
param namePrefix = 'efac'

param postgresAdministratorPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
param postgresSkuTier = 'GeneralPurpose'
param postgresSkuName = 'Standard_D2ds_v5'
param postgresStorageSizeGB = 64
param postgresBackupRetentionDays = 35
param postgresAllowAzureServices = true
param postgresFirewallRules = []
param databaseMaxPoolSize = 20

param storageSkuName = 'Standard_ZRS'
param serviceBusSkuName = 'Standard'
param licenseAppMaximumInstanceCount = 40
param ocrAppMaximumInstanceCount = 40
param logDailyQuotaGb = 5
param keyVaultPurgeProtection = true

param vaultOfficerPrincipalId = readEnvironmentVariable('SECRETS_OFFICER_OBJECT_ID', '')
param vaultOfficerPrincipalType = 'Group'

param deployInboxSubscription = bool(readEnvironmentVariable('DEPLOY_INBOX_SUBSCRIPTION', 'false'))
