resource "azurerm_storage_account" "data" {
  name                      = "acmedata"
  # ruleid: tf-https-not-enforced
  https_traffic_only_enabled = true
  # ruleid: tf-old-minimum-tls-version
  min_tls_version           = "TLS1_0"
}

resource "azurerm_storage_account" "good" {
  name                       = "acmegood"
  # ok: tf-https-not-enforced
  https_traffic_only_enabled = true
  # ok: tf-old-minimum-tls-version
  min_tls_version            = "TLS1_2"
}

resource "azurerm_linux_web_app" "api" {
  name       = "api"
  # ruleid: tf-https-not-enforced
  https_only = true
  site_config {
    # ruleid: tf-old-minimum-tls-version
    minimum_tls_version = "1.1"
  }
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  # ruleid: tf-https-not-enforced
  transit_encryption_enabled = true
}

resource "aws_cloudfront_distribution" "cdn" {
  default_cache_behavior {
    # ruleid: tf-cloudfront-allows-http
    viewer_protocol_policy = "redirect-to-https"
  }
  ordered_cache_behavior {
    # ok: tf-cloudfront-allows-http
    viewer_protocol_policy = "redirect-to-https"
  }
  viewer_certificate {
    # ruleid: tf-old-minimum-tls-version
    minimum_protocol_version = "TLSv1"
  }
}

resource "aws_lb_listener" "https" {
  port       = 443
  protocol   = "HTTPS"
  # ruleid: tf-old-minimum-tls-version
  ssl_policy = "ELBSecurityPolicy-2016-08"
}

resource "aws_lb_listener" "modern" {
  port       = 443
  protocol   = "HTTPS"
  # ok: tf-old-minimum-tls-version
  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

resource "google_compute_ssl_policy" "legacy" {
  name            = "legacy"
  # ruleid: tf-old-minimum-tls-version
  min_tls_version = "TLS_1_0"
}

# ruleid: tf-azure-key-vault-purge-protection-off
resource "azurerm_key_vault" "nopurge" {
  name      = "acme-dev"
  sku_name  = "standard"
  # ok: tf-https-not-enforced
  purge_protection_enabled = false
}

# ok: tf-azure-key-vault-purge-protection-off
resource "azurerm_key_vault" "main" {
  name                     = "acme-prod"
  sku_name                 = "standard"
  purge_protection_enabled = true
}

# ok: tf-azure-key-vault-purge-protection-off
resource "azurerm_key_vault" "configurable" {
  name                     = "acme-var"
  sku_name                 = "standard"
  purge_protection_enabled = var.purge_protection
}

resource "google_sql_database_instance" "db" {
  name             = "db"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-f1-micro"
    ip_configuration {
      ipv4_enabled = true
      authorized_networks {
        name  = "anyone"
        # ruleid: tf-database-open-to-internet
        value = "0.0.0.0/0"
      }
      authorized_networks {
        name  = "office"
        # ok: tf-database-open-to-internet
        value = "203.0.113.0/24"
      }
    }
  }
}

resource "azurerm_mssql_firewall_rule" "all" {
  name             = "all"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "0.0.0.0"
  # ruleid: tf-database-open-to-internet
  end_ip_address   = "255.255.255.255"
}

resource "azurerm_mssql_firewall_rule" "azure_services" {
  name             = "AllowAzure"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "0.0.0.0"
  # ok: tf-database-open-to-internet
  end_ip_address   = "0.0.0.0"
}

resource "azurerm_mssql_firewall_rule" "office" {
  name             = "office"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "203.0.113.0"
  # ok: tf-database-open-to-internet
  end_ip_address   = "255.255.255.255"
}

resource "azurerm_redis_cache" "cache" {
  name     = "cache"
  # ruleid: tf-redis-non-tls-port-enabled
  non_ssl_port_enabled = false
}

resource "azurerm_redis_cache" "tls" {
  name     = "tls"
  # ok: tf-redis-non-tls-port-enabled
  non_ssl_port_enabled = false
}
