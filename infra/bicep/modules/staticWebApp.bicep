// The web app (web/dist: admin console at /admin/, invoice workspace at /app/) as an Azure Static Web App.
// Static files only: it calls the two function apps directly, whose CORS admits this site's origin alone
// (main.bicep). Routes, deep-link fallback and headers come from web/public/staticwebapp.config.json.

param name string
param location string
param tags object

@allowed(['Free', 'Standard'])
param skuName string = 'Free'

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
  }
  properties: {
    // Deployed from the build (swa deploy / az staticwebapp), not from a linked repository.
    provider: 'None'
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostname
