// Flex Consumption plan (FC1) and the Function App (.NET 10 isolated worker) running as the user-assigned identity.
// App settings hold endpoints and names only: the host and the app reach Storage, Cosmos DB and Application Insights
// with Microsoft Entra tokens of that identity (identity-based connections), so no key or secret is configured.

param planName string

param appName string

param location string

param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (AzureWebJobsStorage__clientId, CosmosDb__ClientId, Application Insights).')
param identityClientId string

param storageAccountName string

@description('Blob container of the storage account that receives the deployment package.')
param deploymentContainerName string

param cosmosAccountName string

param cosmosDatabaseName string

param applicationInsightsName string

@description('Memory of each instance in MB (Flex Consumption sizes; CPU and network scale with it).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Upper bound of instances the app scales out to (cost and downstream RU/s guard).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Always-ready instances, e.g. [{ name: \'http\', instanceCount: 1 }] or [{ name: \'function:ProcessEvent\', instanceCount: 1 }]; empty: scale to zero.')
param alwaysReady array

@description('NCRONTAB schedule (seconds first) of the RecomputeRfmThresholds timer.')
param rfmRecomputeSchedule string

@description('NCRONTAB schedule (seconds first) of the RetrainRecommender timer.')
param recommenderRetrainSchedule string

@description('NCRONTAB schedule (seconds first) of the RefreshForecasts timer.')
param forecastRefreshSchedule string

@description('Events TTL in seconds; the app reads it only when it creates containers itself (key auth, locally).')
param eventsTimeToLiveSeconds int

param conversationsTimeToLiveSeconds int

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' existing = {
  name: cosmosAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReady
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Flex Consumption takes the worker runtime from functionAppConfig.runtime, so FUNCTIONS_WORKER_RUNTIME and
// FUNCTIONS_EXTENSION_VERSION are not app settings here. Names use '__' for the ':' of local.settings.json.
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // Host storage and every queue trigger (Connection = "AzureWebJobsStorage"), identity-based.
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId

    // The connection string names the resource (instrumentation key and ingestion endpoint) and is not a secret;
    // with DisableLocalAuth, ingestion requires the Entra token named by the authentication string.
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'

    // Cosmos DB with the identity (no CosmosDb__Key: the account has local auth disabled).
    CosmosDb__Endpoint: cosmos.properties.documentEndpoint
    CosmosDb__Database: cosmosDatabaseName
    CosmosDb__ClientId: identityClientId
    CosmosDb__EventsTimeToLiveSeconds: string(eventsTimeToLiveSeconds)
    CosmosDb__ConversationsTimeToLiveSeconds: string(conversationsTimeToLiveSeconds)

    // Trigger bindings (%EventsQueueName%, %CatalogQueueName%, %RfmRecomputeSchedule%, %RecommenderRetrainSchedule%,
    // %ForecastRequestsQueueName%, %ForecastRefreshSchedule%, %SupportIntentsRetrainSchedule%).
    EventsQueueName: 'events'
    CatalogQueueName: 'catalog'
    RfmRecomputeSchedule: rfmRecomputeSchedule
    RecommenderRetrainSchedule: recommenderRetrainSchedule
    ForecastRequestsQueueName: 'forecast-requests'
    ForecastRefreshSchedule: forecastRefreshSchedule
    SupportIntentsRetrainSchedule: '0 30 3 * * *'

    // Product settings, at the defaults of local.settings.sample.json.
    Archive__MaxBlobBytes: '67108864'
    Profiles__NewCustomerDays: '30'
    Profiles__ActiveDays: '90'
    Profiles__ChurnDays: '180'
    Profiles__AffinityHalfLifeDays: '30'
    Profiles__Weights__View: '1'
    Profiles__Weights__Click: '1'
    Profiles__Weights__AddToCart: '3'
    Profiles__Weights__RemoveFromCart: '-1'
    Profiles__Weights__Purchase: '5'
    Profiles__Weights__ReviewPerStar: '1'
    Ingestion__MaxBodyBytes: '1048576'
    Ingestion__MaxBatchSize: '500'
    Recommendations__DefaultCount: '10'
    Recommendations__MaxCount: '100'
    Recommendations__MaxPerCategory: '3'
    Recommendations__RepurchaseWindowDays: '30'
    Recommendations__ExcludeSeenItems: 'true'
    Recommendations__ItemsNotInCatalog: 'ExcludeUnlessCatalogEmpty'
    Recommendations__ModelPollSeconds: '30'
    Recommendations__CatalogRefreshSeconds: '300'
    Recommendations__HistoryHalfLifeHours: '72'
    Recommendations__CartBoost: '3'
    Recommendations__AffinityCategories: '3'
    Recommendations__Training__Trainer: 'Blend'
    Recommendations__Training__BlendComponents__0: 'Ease'
    Recommendations__Training__BlendComponents__1: 'ImplicitAls'
    Recommendations__Training__BlendComponents__2: 'Popularity'
    Recommendations__Training__Ease__Regularization: '800'
    Recommendations__Training__ImplicitAls__Factors: '128'
    Recommendations__Training__ImplicitAls__Regularization: '50'
    Recommendations__Training__ImplicitAls__Alpha: '0.25'
    Recommendations__Training__Popularity__HalfLife: '7.00:00:00'
    Recommendations__Training__TrainingWindowDays: '730'
    Recommendations__Training__HoldoutDays: '14'
    Recommendations__Training__MinimumHoldoutUsers: '20'
    Recommendations__Training__MetricK: '10'
    Recommendations__Training__PromotionMargin: '0.02'
    Recommendations__Training__KeepVersions: '5'
    Recommendations__Training__PopularityHalfLifeDays: '30'
    Recommendations__Training__TrendingHalfLifeDays: '3'
    Recommendations__Training__PopularListLength: '500'
    Recommendations__Training__Weighting__ViewWeight: '1'
    Recommendations__Training__Weighting__AddToCartWeight: '3'
    Recommendations__Training__Weighting__PurchaseWeight: '5'
    ModelRegistry__ContainerName: 'models'
    ModelRegistry__TrainingContainerName: 'training'
    Forecasts__DefaultHorizonDays: '28'
    Forecasts__DefaultHorizonWeeks: '12'
    Forecasts__MaxHorizonDays: '365'
    Forecasts__MaxHorizonWeeks: '104'
    Forecasts__PrecomputeHorizonDays: '90'
    Forecasts__PrecomputeHorizonWeeks: '26'
    Forecasts__HistoryDays: '730'
    Forecasts__HistoryRefreshSeconds: '900'
    Forecasts__ModelCacheSeconds: '3600'
    Forecasts__PrecomputedMaxAgeHours: '48'
    Forecasts__BacktestOrigins: '8'
    Forecasts__BacktestHorizonDays: '14'
    Forecasts__BacktestHorizonWeeks: '4'
    Forecasts__EtsMaxEvaluations: '1000'
    Forecasts__UncategorizedName: 'uncategorized'
    Support__MaxMessageLength: '2000'
    Support__MinimumConfidence: '0.35'
    Support__HandoffSentiment: '-0.6'
    Support__ReturnWindowDays: '30'
    Support__MinimumKnowledgeScore: '1.0'
    Support__ProductsPerReply: '3'
    Support__MaxStoredTurns: '100'
    Support__HandoffTranscriptTurns: '10'
    Support__TrainingDataPath: ''
    Support__TrainingSamplePerIntent: '0'
    Support__UtterancesPath: ''
    Support__SentimentDataPath: ''
    Support__RefreshSeconds: '300'
    Support__KeepVersions: '5'
    Support__Generation: 'Off'
    Support__ContentContainerName: 'support'
  }
}

// Publishing with basic (user name and password) credentials is off: deployments authenticate with Entra ID.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
