provider "azurerm" {
  features {}
  subscription_id = "00000000-0000-0000-0000-000000000000"
  client_id       = "11111111-1111-1111-1111-111111111111"
  # expect: provider-credentials
  client_secret   = "Qx8Q~fT3mZ.pR7vL2nW9kJ4hB6cD1sA5eG0yU"
  tenant_id       = "22222222-2222-2222-2222-222222222222"
}

resource "azurerm_storage_account" "data" {
  name                            = "acmedata"
  resource_group_name             = "rg-data"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  # expect: old-tls
  min_tls_version                 = "TLS1_0"
  # expect: https-off
  https_traffic_only_enabled      = false
  # expect: public-storage
  allow_nested_items_to_be_public = true
}

resource "azurerm_storage_container" "exports" {
  name                  = "exports"
  storage_account_name  = azurerm_storage_account.data.name
  # expect: public-storage
  container_access_type = "container"
}

resource "azurerm_storage_account" "secure" {
  name                            = "acmesecure"
  resource_group_name             = "rg-data"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
}

resource "azurerm_network_security_group" "jump" {
  name                = "jump"
  location            = "westeurope"
  resource_group_name = "rg-net"

  security_rule {
    name                       = "AllowRDP"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "3389"
    # expect: admin-port-open
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "AllowHTTPS"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh"
  priority                    = 120
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  # expect: admin-port-open
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = "rg-net"
  network_security_group_name = azurerm_network_security_group.jump.name
}

# expect: keyvault-purge
resource "azurerm_key_vault" "app" {
  name                = "acme-app-kv"
  location            = "westeurope"
  resource_group_name = "rg-app"
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"
}

resource "azurerm_key_vault" "cmk" {
  name                       = "acme-cmk-kv"
  location                   = "westeurope"
  resource_group_name        = "rg-app"
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
}

resource "azurerm_linux_web_app" "api" {
  name                = "acme-api"
  location            = "westeurope"
  resource_group_name = "rg-app"
  service_plan_id     = azurerm_service_plan.main.id
  # expect: https-off
  https_only          = false
  site_config {
    # expect: old-tls
    minimum_tls_version = "1.0"
  }
}

resource "azurerm_mssql_firewall_rule" "everyone" {
  name             = "everyone"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "0.0.0.0"
  # expect: public-database
  end_ip_address   = "255.255.255.255"
}

resource "azurerm_mssql_firewall_rule" "azure" {
  name             = "AllowAzureServices"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}

resource "google_storage_bucket_iam_member" "public" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  # expect: public-storage
  member = "allUsers"
}

resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = google_compute_network.main.name
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
  # expect: admin-port-open
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "iap" {
  name    = "allow-iap"
  network = google_compute_network.main.name
  allow {
    protocol = "tcp"
    ports    = ["22", "3389"]
  }
  source_ranges = ["35.235.240.0/20"]
}

resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = true
      # expect: https-off
      require_ssl  = false
      authorized_networks {
        name  = "all"
        # expect: public-database
        value = "0.0.0.0/0"
      }
    }
  }
}

resource "google_compute_ssl_policy" "compat" {
  name            = "compat"
  profile         = "COMPATIBLE"
  # expect: old-tls
  min_tls_version = "TLS_1_0"
}

# Safe: module input that enforces TLS through a variable
module "storage" {
  source          = "./modules/storage"
  min_tls_version = var.min_tls_version
  https_only      = var.https_only
}
