// Storage account for the Functions host (AzureWebJobsStorage: leases, timers, diagnostic events), the product's
// queues, the event archive and the model registry, and the Flex Consumption deployment package. Shared-key access
// is disabled: every client (host, app, deployment) authenticates with Microsoft Entra ID.

param name string

param location string

param tags object

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

@description('Blob container that holds the Function App package (functionAppConfig.deployment.storage).')
param deploymentContainerName string

@description('Principal id of the Function App identity, granted data-plane roles on this account.')
param appPrincipalId string

// Queues of src/Serverless.Domain/Ports/QueueNames.cs, with the <name>-poison twin of each queue a function consumes
// (the Functions runtime moves a message there after maxDequeueCount failures; creating them up front keeps the
// queue list visible and lets alerts target them before the first poison message).
var queueNames = [
  'events'
  'events-poison'
  'catalog'
  'catalog-poison'
  'segment-changes'
  'rescore'
  'rescore-poison'
  'handoff'
  'forecast-requests'
  'forecast-requests-poison'
]

// archive: the event archive (append blobs, archive/events/yyyy/MM/dd/HH/...); models: the model registry
// ({model}/{version}/..., {model}/current.json); training: the retraining job's interaction snapshots;
// support: the support assistant's knowledge articles (knowledge/*.md) and labelled utterances (utterances/*.csv).
var blobContainerNames = [
  'archive'
  'models'
  'training'
  'support'
  deploymentContainerName
]

// Built-in roles the Function App identity needs on this account:
// Storage Blob Data Owner: host leases and timer locks, the archive, the models, the deployment package.
// Storage Queue Data Contributor: queue triggers (read, delete, move to -poison) and publishing to queues.
// Storage Table Data Contributor: the Functions host writes its diagnostic events to Table storage (AZFD0003).
var appRoleIds = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
]

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
  properties: {
    // Soft delete keeps an overwritten model pointer or a deleted archive blob recoverable for a week.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = [
  for containerName in blobContainerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource appRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appRoleIds: {
    name: guid(account.id, appPrincipalId, roleId)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
