resource "azuread_application" "deployer" {
  display_name = "github-deployer"
}

resource "azuread_application_federated_identity_credential" "main" {
  application_id = azuread_application.deployer.id
  display_name   = "main-branch"
  audiences      = ["api://AzureADTokenExchange"]
  issuer         = "https://token.actions.githubusercontent.com"
  subject        = "repo:acme-corp/platform:ref:refs/heads/main"
}

resource "azuread_application_federated_identity_credential" "pr" {
  application_id = azuread_application.deployer.id
  display_name   = "pull-requests"
  audiences      = ["api://AzureADTokenExchange"]
  issuer         = "https://token.actions.githubusercontent.com"
  # expect: oidc-azure-wildcard
  subject        = "repo:acme-corp/*"
}

resource "azurerm_user_assigned_identity" "deploy" {
  name                = "deploy"
  location            = "westeurope"
  resource_group_name = "rg-ci"
}

resource "azurerm_federated_identity_credential" "any_env" {
  name                = "any-env"
  resource_group_name = "rg-ci"
  parent_id           = azurerm_user_assigned_identity.deploy.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = "https://token.actions.githubusercontent.com"
  # expect: oidc-azure-wildcard
  subject             = "repo:acme-corp/platform:*"
}

resource "azuread_application_flexible_federated_identity_credential" "org" {
  application_id             = azuread_application.deployer.id
  display_name               = "org-wide"
  audience                   = "api://AzureADTokenExchange"
  issuer                     = "https://token.actions.githubusercontent.com"
  # expect: oidc-azure-wildcard
  claims_matching_expression = "claims['sub'] matches 'repo:*'"
}

resource "azurerm_federated_identity_credential" "aks_app" {
  name                = "aks-app"
  resource_group_name = "rg-aks"
  parent_id           = azurerm_user_assigned_identity.deploy.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = azurerm_kubernetes_cluster.main.oidc_issuer_url
  subject             = "system:serviceaccount:payments:api"
}

resource "azurerm_federated_identity_credential" "aks_ns" {
  name                = "aks-ns"
  resource_group_name = "rg-aks"
  parent_id           = azurerm_user_assigned_identity.deploy.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = azurerm_kubernetes_cluster.main.oidc_issuer_url
  # expect: oidc-azure-wildcard
  subject             = "system:serviceaccount:payments:*"
}

resource "google_iam_workload_identity_pool" "github" {
  workload_identity_pool_id = "github"
}

resource "google_iam_workload_identity_pool_provider" "github" {
  workload_identity_pool_id          = google_iam_workload_identity_pool.github.workload_identity_pool_id
  workload_identity_pool_provider_id = "github-actions"
  display_name                       = "GitHub Actions"
  attribute_mapping = {
    "google.subject"       = "assertion.sub"
    "attribute.actor"      = "assertion.actor"
    "attribute.repository" = "assertion.repository"
  }
  # expect: oidc-gcp-no-condition
  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

resource "google_iam_workload_identity_pool_provider" "github_main" {
  workload_identity_pool_id          = google_iam_workload_identity_pool.github.workload_identity_pool_id
  workload_identity_pool_provider_id = "github-main"
  attribute_mapping = {
    "google.subject" = "assertion.sub"
    "attribute.ref"  = "assertion.ref"
  }
  # expect: oidc-gcp-no-condition
  attribute_condition = "attribute.ref == 'refs/heads/main'"
  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

resource "google_iam_workload_identity_pool_provider" "github_acme" {
  workload_identity_pool_id          = google_iam_workload_identity_pool.github.workload_identity_pool_id
  workload_identity_pool_provider_id = "github-acme"
  attribute_mapping = {
    "google.subject"                = "assertion.sub"
    "attribute.repository_owner_id" = "assertion.repository_owner_id"
    "attribute.repository"          = "assertion.repository"
  }
  attribute_condition = "assertion.repository_owner_id == '4815162342'"
  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

resource "google_iam_workload_identity_pool_provider" "gitlab" {
  workload_identity_pool_id          = google_iam_workload_identity_pool.github.workload_identity_pool_id
  workload_identity_pool_provider_id = "gitlab"
  attribute_mapping = {
    "google.subject" = "assertion.sub"
  }
  attribute_condition = "assertion.namespace_path == 'acme-corp'"
  oidc {
    issuer_uri        = "https://gitlab.com"
    allowed_audiences = ["https://gitlab.com"]
  }
}

resource "google_service_account" "deployer" {
  account_id = "deployer"
}

resource "google_service_account_iam_member" "wif_all" {
  service_account_id = google_service_account.deployer.name
  role               = "roles/iam.workloadIdentityUser"
  # expect: oidc-gcp-pool-wide
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.github.name}/*"
}

resource "google_service_account_iam_member" "wif_repo" {
  service_account_id = google_service_account.deployer.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.github.name}/attribute.repository/acme-corp/platform"
}
