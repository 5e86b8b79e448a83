// The precision-marketing backend in one resource group: Function App on Flex Consumption, Storage (queues, archive,
// models, deployment package), Cosmos DB, Log Analytics + Application Insights, and the user-assigned identity the
// app runs as, with data-plane role assignments instead of keys. Deploy with
//   az deployment group create -g <resource-group> -f infra/main.bicep -p infra/main.parameters.json
// (docs/deploy.md). The modules are described in infra/README.md.

@description('Short environment name used in resource names and tags (dev, test, prod): letters and digits.')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Short prefix of resource names: letters and digits.')
@minLength(2)
@maxLength(6)
param namePrefix string = 'mkt'

@description('Region of every resource; must offer Flex Consumption.')
param location string = resourceGroup().location

param tags object = {}

@description('Memory of each Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

@description('Most instances the Function App scales out to.')
@minValue(1)
@maxValue(1000)
param functionMaximumInstanceCount int = 100

@description('Optional always-ready instances, e.g. [{ name: \'http\', instanceCount: 1 }]; empty: scale to zero.')
param functionAlwaysReady array = []

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Cosmos DB capacity: Serverless (pay per request) or Autoscale (provisioned, shared by the database).')
@allowed([
  'Serverless'
  'Autoscale'
])
param cosmosCapacityMode string = 'Serverless'

@description('Autoscale only: maximum RU/s of the database (scales between 10% and 100% of it).')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('How long event-log documents live in Cosmos DB (the blob archive keeps every event). 90 days.')
@minValue(1)
param eventsTimeToLiveSeconds int = 7776000

@description('How long conversation documents live in Cosmos DB. 30 days.')
@minValue(1)
param conversationsTimeToLiveSeconds int = 2592000

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('NCRONTAB schedule (seconds first) of the RFM threshold recompute.')
param rfmRecomputeSchedule string = '0 0 * * * *'

@description('NCRONTAB schedule (seconds first) of the recommender retraining (nightly at 03:00 UTC).')
param recommenderRetrainSchedule string = '0 0 3 * * *'

@description('NCRONTAB schedule (seconds first) of the forecast refresh (nightly at 02:30 UTC).')
param forecastRefreshSchedule string = '0 30 2 * * *'

var resourceToken = toLower(take(uniqueString(subscription().id, resourceGroup().id, environmentName), 8))
// Lower case: Cosmos DB and Storage names allow no capitals (Storage allows no hyphens either).
var baseName = toLower('${namePrefix}-${environmentName}-${resourceToken}')
var allTags = union(tags, {
  application: 'precision-marketing'
  environment: environmentName
})
var databaseName = 'marketing'
var deploymentContainerName = 'deployment-packages'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${baseName}'
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-${baseName}'
    applicationInsightsName: 'appi-${baseName}'
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take(replace('st${baseName}', '-', ''), 24)
    location: location
    tags: allTags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    appPrincipalId: identity.outputs.principalId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: 'cosmos-${baseName}'
    location: location
    tags: allTags
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    databaseName: databaseName
    eventsTimeToLiveSeconds: eventsTimeToLiveSeconds
    conversationsTimeToLiveSeconds: conversationsTimeToLiveSeconds
    dataContributorPrincipalId: identity.outputs.principalId
  }
}

// Takes its inputs from the other modules' outputs, so it deploys after them, role assignments included: the app
// starts with its permissions in place.
module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    planName: 'plan-${baseName}'
    appName: 'func-${baseName}'
    location: location
    tags: allTags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    cosmosAccountName: cosmos.outputs.accountName
    cosmosDatabaseName: databaseName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    instanceMemoryMB: functionInstanceMemoryMB
    maximumInstanceCount: functionMaximumInstanceCount
    alwaysReady: functionAlwaysReady
    rfmRecomputeSchedule: rfmRecomputeSchedule
    recommenderRetrainSchedule: recommenderRetrainSchedule
    forecastRefreshSchedule: forecastRefreshSchedule
    eventsTimeToLiveSeconds: eventsTimeToLiveSeconds
    conversationsTimeToLiveSeconds: conversationsTimeToLiveSeconds
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppDefaultHostName string = functionApp.outputs.defaultHostName
output storageAccountName string = storage.outputs.name
output storageBlobEndpoint string = storage.outputs.blobEndpoint
output storageQueueEndpoint string = storage.outputs.queueEndpoint
output cosmosEndpoint string = cosmos.outputs.endpoint
output cosmosAccountName string = cosmos.outputs.accountName
output identityClientId string = identity.outputs.clientId
output applicationInsightsName string = monitoring.outputs.applicationInsightsName
