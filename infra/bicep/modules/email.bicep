// Azure Communication Services Email with an Azure-managed sender domain. The license app sends through its SMTP
// endpoint (smtp.azurecomm.net, 587, STARTTLS): the SMTP user name is '<communication service>.<Entra app id>.<tenant id>'
// of an Entra application granted send rights on the Communication Services resource, its client secret the password.

@description('Suffix of the resource names.')
param name string

@description('Where the e-mail data stays.')
param dataLocation string = 'Europe'

param tags object

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: 'ecs-${name}'
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communication 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: 'acs-${name}'
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      domain.id
    ]
  }
}

output communicationServiceName string = communication.name
output fromAddress string = 'DoNotReply@${domain.properties.mailFromSenderDomain}'
