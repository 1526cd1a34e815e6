# Azure: federated identity credentials

resource "azuread_application_federated_identity_credential" "deploy" {
  application_id = azuread_application.deploy.id
  display_name   = "github-main"
  audiences      = ["api://AzureADTokenExchange"]
  issuer         = "https://token.actions.githubusercontent.com"
  # ok: tf-azure-federated-credential-wildcard-subject
  subject        = "repo:acme/infra:ref:refs/heads/main"
}

resource "azurerm_federated_identity_credential" "any" {
  name                = "github-any"
  resource_group_name = azurerm_resource_group.main.name
  parent_id           = azurerm_user_assigned_identity.deploy.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = "https://token.actions.githubusercontent.com"
  # ruleid: tf-azure-federated-credential-wildcard-subject
  subject             = "repo:acme/*"
}

resource "azuread_application_federated_identity_credential" "star" {
  application_id = azuread_application.deploy.id
  display_name   = "star"
  audiences      = ["api://AzureADTokenExchange"]
  issuer         = "https://token.actions.githubusercontent.com"
  # ruleid: tf-azure-federated-credential-wildcard-subject
  subject        = "repo:acme/infra:*"
}

resource "azuread_application_flexible_federated_identity_credential" "flex" {
  application_id = azuread_application.deploy.id
  display_name   = "flex"
  audience       = "api://AzureADTokenExchange"
  issuer         = "https://token.actions.githubusercontent.com"
  # ruleid: tf-azure-federated-credential-wildcard-subject
  claims_matching_expression = "claims['sub'] matches 'repo:acme/*'"
}

resource "azuread_application_flexible_federated_identity_credential" "flex_branch" {
  application_id = azuread_application.deploy.id
  display_name   = "flex-branch"
  audience       = "api://AzureADTokenExchange"
  issuer         = "https://token.actions.githubusercontent.com"
  # ok: tf-azure-federated-credential-wildcard-subject
  claims_matching_expression = "claims['sub'] matches 'repo:acme/infra:ref:refs/tags/v*'"
}

resource "azurerm_federated_identity_credential" "aks" {
  name                = "aks-workload"
  resource_group_name = azurerm_resource_group.main.name
  parent_id           = azurerm_user_assigned_identity.app.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = azurerm_kubernetes_cluster.main.oidc_issuer_url
  # ok: tf-azure-federated-credential-wildcard-subject
  subject             = "system:serviceaccount:${var.namespace}:app"
}

resource "azurerm_federated_identity_credential" "any_env" {
  name                = "github-any-env"
  resource_group_name = azurerm_resource_group.main.name
  parent_id           = azurerm_user_assigned_identity.deploy.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = "https://token.actions.githubusercontent.com"
  # ruleid: tf-azure-federated-credential-wildcard-subject
  subject             = "repo:acme/infra:environment:*"
}

resource "azurerm_storage_container" "c" {
  name = "c"
  # ok: tf-azure-federated-credential-wildcard-subject
  subject = "*"
}

# Google Cloud: workload identity pool providers

resource "google_iam_workload_identity_pool_provider" "github_open" {
  workload_identity_pool_id          = google_iam_workload_identity_pool.ci.workload_identity_pool_id
  workload_identity_pool_provider_id = "github"
  attribute_mapping = {
    "google.subject"       = "assertion.sub"
    "attribute.repository" = "assertion.repository"
  }
  # ruleid: tf-gcp-wif-provider-no-condition
  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

resource "google_iam_workload_identity_pool_provider" "github_ref_only" {
  workload_identity_pool_id          = google_iam_workload_identity_pool.ci.workload_identity_pool_id
  workload_identity_pool_provider_id = "github-main"
  attribute_mapping = {
    "google.subject" = "assertion.sub"
  }
  # ruleid: tf-gcp-wif-provider-no-condition
  attribute_condition = "assertion.ref == 'refs/heads/main'"
  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

resource "google_iam_workload_identity_pool_provider" "github_owner" {
  workload_identity_pool_id          = google_iam_workload_identity_pool.ci.workload_identity_pool_id
  workload_identity_pool_provider_id = "github-acme"
  attribute_mapping = {
    "google.subject"             = "assertion.sub"
    "attribute.repository_owner" = "assertion.repository_owner"
  }
  # ok: tf-gcp-wif-provider-no-condition
  attribute_condition = "assertion.repository_owner == 'acme'"
  # ok: tf-gcp-wif-provider-no-condition
  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

resource "google_iam_workload_identity_pool_provider" "from_var" {
  workload_identity_pool_id          = google_iam_workload_identity_pool.ci.workload_identity_pool_id
  workload_identity_pool_provider_id = "github-var"
  # ok: tf-gcp-wif-provider-no-condition
  attribute_condition = var.attribute_condition
  # ok: tf-gcp-wif-provider-no-condition
  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

resource "google_iam_workload_identity_pool_provider" "aws" {
  workload_identity_pool_id          = google_iam_workload_identity_pool.ci.workload_identity_pool_id
  workload_identity_pool_provider_id = "aws"
  # ok: tf-gcp-wif-provider-no-condition
  aws {
    account_id = "123456789012"
  }
}

resource "google_service_account_iam_member" "pool_wide" {
  service_account_id = google_service_account.deploy.name
  role               = "roles/iam.workloadIdentityUser"
  # ruleid: tf-gcp-wif-binding-whole-pool
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/*"
}

resource "google_service_account_iam_member" "one_repo" {
  service_account_id = google_service_account.deploy.name
  role               = "roles/iam.workloadIdentityUser"
  # ok: tf-gcp-wif-binding-whole-pool
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/attribute.repository/acme/infra"
}

resource "google_service_account_iam_binding" "pool_wide_binding" {
  service_account_id = google_service_account.deploy.name
  role               = "roles/iam.workloadIdentityUser"
  # ruleid: tf-gcp-wif-binding-whole-pool
  members = [
    "principalSet://iam.googleapis.com/projects/123456/locations/global/workloadIdentityPools/ci/*",
  ]
}
