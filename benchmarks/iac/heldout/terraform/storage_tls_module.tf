variable "min_tls_version" {
  type    = string
  default = "TLS1_2"
}

variable "enforce_https" {
  type    = bool
  default = true
}

# TLS enforced through variables: safe.
resource "azurerm_storage_account" "data" {
  name                            = "stacmedata"
  resource_group_name             = azurerm_resource_group.data.name
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = var.min_tls_version
  https_traffic_only_enabled      = var.enforce_https
  allow_nested_items_to_be_public = false
}

resource "azurerm_storage_account" "legacy" {
  name                     = "stacmelegacy"
  resource_group_name      = azurerm_resource_group.data.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  # expect: old-tls
  min_tls_version          = "TLS1_1"
  # expect: public-storage
  allow_nested_items_to_be_public = true
}

# expect: keyvault-purge
resource "azurerm_key_vault" "app" {
  name                       = "kv-acme-app"
  location                   = "westeurope"
  resource_group_name        = azurerm_resource_group.data.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  purge_protection_enabled   = false
  soft_delete_retention_days = 7
}

resource "azurerm_mssql_server" "sql" {
  name                          = "sql-acme"
  resource_group_name           = azurerm_resource_group.data.name
  location                      = "westeurope"
  version                       = "12.0"
  administrator_login           = "sqladmin"
  administrator_login_password  = var.sql_password
  minimum_tls_version           = "1.2"
  # expect: public-database
  public_network_access_enabled = true
}
