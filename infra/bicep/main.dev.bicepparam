using 'main.bicep'

// Development: the cheapest shape that runs everything. Burstable PostgreSQL has no built-in PgBouncer, so the
// apps connect straight to 5432; 2 apps x 3 instances x 5 pooled connections = 30 stays under the 50 connections
// of Standard_B1ms.

param environmentName = 'dev'
param namePrefix = 'efac'

// Never commit a password: pass it from the environment, e.g. export POSTGRES_ADMIN_PASSWORD=$(openssl rand -base64 24 | tr -d '/+=')
param postgresAdministratorPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
// The apps log in with their managed identities whatever the password; the Entra administrator runs the migrations.
param postgresEntraAdminObjectId = readEnvironmentVariable('POSTGRES_ENTRA_ADMIN_OBJECT_ID', '')
param postgresEntraAdminName = readEnvironmentVariable('POSTGRES_ENTRA_ADMIN_NAME', '')
param postgresSkuTier = 'Burstable'
param postgresSkuName = 'Standard_B1ms'
param postgresStorageSizeGB = 32
param postgresBackupRetentionDays = 7
param postgresAllowAzureServices = true
// Your own IP, to run psql from your machine (optional):
// param postgresFirewallRules = [ { name: 'operator', startIpAddress: '203.0.113.10', endIpAddress: '203.0.113.10' } ]
param databaseMaxPoolSize = 5

param storageSkuName = 'Standard_LRS'
param serviceBusSkuName = 'Standard'
param licenseAppMaximumInstanceCount = 3
param ocrAppMaximumInstanceCount = 3
param logDailyQuotaGb = 1
param keyVaultPurgeProtection = false

// Object id of whoever sets the secrets: az ad signed-in-user show --query id -o tsv
param vaultOfficerPrincipalId = readEnvironmentVariable('SECRETS_OFFICER_OBJECT_ID', '')

// false on the first deployment; true once the OCR app's code is published (README "Deploy", step 4).
param deployInboxSubscription = bool(readEnvironmentVariable('DEPLOY_INBOX_SUBSCRIPTION', 'false'))
