// Log Analytics workspace and workspace-based Application Insights with local (instrumentation-key) authentication
// disabled: telemetry is accepted only from Microsoft Entra identities holding Monitoring Metrics Publisher.

param logAnalyticsName string

param applicationInsightsName string

param location string

param tags object

@description('Days Log Analytics keeps the data (30 to 730).')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Principal id of the identity that publishes telemetry (the Function App identity).')
param publisherPrincipalId string

// Built-in role: Monitoring Metrics Publisher (publishes all telemetry types despite its name).
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

resource publisherRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, publisherPrincipalId, monitoringMetricsPublisherRoleId)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    principalId: publisherPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output applicationInsightsName string = applicationInsights.name
output logAnalyticsWorkspaceId string = workspace.id
