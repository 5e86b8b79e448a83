// Cosmos DB (NoSQL) account, database and containers of src/Serverless.Infrastructure/Cosmos
// (CosmosInitializer.ContainerDefinitions: the same ids, partition keys and default TTLs). Local (key) authentication
// is disabled; the Function App identity gets the built-in data-plane role "Cosmos DB Built-in Data Contributor".
// With managed identity the app cannot create containers (control plane), so they exist only because of this file.
//
// Indexing: the code reads by point operations and single-partition queries only. Containers it queries index exactly
// the paths those queries filter on (every write then costs fewer RUs); the profiles container keeps the default
// "index everything" minus its large arrays and maps; containers no code uses yet keep the default policy.

param accountName string

param location string

param tags object

@description('Serverless (pay per request, single region) or Autoscale (provisioned throughput shared by the database).')
@allowed([
  'Serverless'
  'Autoscale'
])
param capacityMode string

@description('Autoscale: highest RU/s the shared database throughput scales to (it scales down to 10% of it).')
@minValue(1000)
param autoscaleMaxThroughput int

param databaseName string

@description('Default time to live of event-log documents (CosmosSettings.DefaultEventsTimeToLiveSeconds).')
@minValue(1)
param eventsTimeToLiveSeconds int

@description('Default time to live of conversation documents (CosmosSettings.DefaultConversationsTimeToLiveSeconds).')
@minValue(1)
param conversationsTimeToLiveSeconds int

@description('Principal id of the Function App identity, granted Cosmos DB Built-in Data Contributor on the account.')
param dataContributorPrincipalId string

// Data-plane built-in role "Cosmos DB Built-in Data Contributor" (read and write items, run queries, read the change feed).
var dataContributorRoleDefinitionId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: capacityMode == 'Serverless' ? [{ name: 'EnableServerless' }] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    enableAutomaticFailover: false
    enableMultipleWriteLocations: false
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-10-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    // Serverless accounts take no throughput settings; Autoscale shares one budget across the containers.
    options: capacityMode == 'Autoscale' ? { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } } : {}
  }
}

// profiles: point reads and ETag-guarded replaces by id = userId; the whole container is read through the change feed.
resource profiles 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = {
  parent: database
  name: 'profiles'
  properties: {
    resource: {
      id: 'profiles'
      partitionKey: {
        paths: [
          '/userId'
        ]
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          { path: '/*' }
        ]
        // Large, frequently rewritten parts of a profile that no query filters on (UserProfile, camelCase).
        excludedPaths: [
          { path: '/purchases/*' }
          { path: '/recentItems/*' }
          { path: '/appliedEventIds/*' }
          { path: '/cart/*' }
          { path: '/eventCounts/*' }
          { path: '/categoryAffinity/*' }
          { path: '/brandAffinity/*' }
          { path: '/recentSearches/*' }
          { path: '/searchHistory/*' }
          { path: '/"_etag"/?' }
        ]
      }
    }
  }
}

// events: create by id = event id (duplicate detection); CosmosEventLog queries WHERE c.userId = @userId.
resource events 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = {
  parent: database
  name: 'events'
  properties: {
    resource: {
      id: 'events'
      partitionKey: {
        paths: [
          '/userId'
        ]
        kind: 'Hash'
        version: 2
      }
      defaultTtl: eventsTimeToLiveSeconds
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          { path: '/userId/?' }
        ]
        excludedPaths: [
          { path: '/*' }
        ]
      }
    }
  }
}

// orders: CosmosOrderRepository queries WHERE c.userId = @userId; otherwise point operations by order id.
resource orders 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = {
  parent: database
  name: 'orders'
  properties: {
    resource: {
      id: 'orders'
      partitionKey: {
        paths: [
          '/userId'
        ]
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          { path: '/userId/?' }
        ]
        excludedPaths: [
          { path: '/*' }
        ]
      }
    }
  }
}

// catalog: point reads and conditional upserts by id = productId only.
resource catalog 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = {
  parent: database
  name: 'catalog'
  properties: {
    resource: {
      id: 'catalog'
      partitionKey: {
        paths: [
          '/productId'
        ]
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          { path: '/productId/?' }
        ]
        excludedPaths: [
          { path: '/*' }
        ]
      }
    }
  }
}

// segments: summary and threshold documents by id; CosmosSegmentRepository lists members with
// WHERE c.segmentId = @segmentId AND c.kind = @kind.
resource segments 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = {
  parent: database
  name: 'segments'
  properties: {
    resource: {
      id: 'segments'
      partitionKey: {
        paths: [
          '/segmentId'
        ]
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          { path: '/segmentId/?' }
          { path: '/kind/?' }
        ]
        excludedPaths: [
          { path: '/*' }
        ]
      }
    }
  }
}

// conversations: customer-service conversations, expiring after conversationsTimeToLiveSeconds. No code queries it
// yet, so it keeps the default policy; narrow it when a query lands.
resource conversations 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = {
  parent: database
  name: 'conversations'
  properties: {
    resource: {
      id: 'conversations'
      partitionKey: {
        paths: [
          '/conversationId'
        ]
        kind: 'Hash'
        version: 2
      }
      defaultTtl: conversationsTimeToLiveSeconds
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          { path: '/*' }
        ]
        excludedPaths: [
          { path: '/"_etag"/?' }
        ]
      }
    }
  }
}

// forecasts: demand forecasts per product. No code queries it yet (default policy).
resource forecasts 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = {
  parent: database
  name: 'forecasts'
  properties: {
    resource: {
      id: 'forecasts'
      partitionKey: {
        paths: [
          '/productId'
        ]
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          { path: '/*' }
        ]
        excludedPaths: [
          { path: '/"_etag"/?' }
        ]
      }
    }
  }
}

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-10-15' = {
  parent: account
  name: guid(account.id, dataContributorPrincipalId, dataContributorRoleDefinitionId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleDefinitionId}'
    principalId: dataContributorPrincipalId
    scope: account.id
  }
}

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
