resource "azurerm_network_security_group" "web" {
  name                = "web"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    # ruleid: tf-azure-nsg-admin-port-open-to-world
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "https"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    # ok: tf-azure-nsg-admin-port-open-to-world
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "deny-rdp"
    priority                   = 120
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "3389"
    # ok: tf-azure-nsg-admin-port-open-to-world
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "ssh-vpn"
    priority                   = 130
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    # ok: tf-azure-nsg-admin-port-open-to-world
    source_address_prefix      = "10.20.0.0/24"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["443", "3389"]
  # ruleid: tf-azure-nsg-admin-port-open-to-world
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.main.name
  network_security_group_name = azurerm_network_security_group.web.name
}

resource "azurerm_network_security_rule" "outbound" {
  name                        = "out"
  priority                    = 100
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  # ok: tf-azure-nsg-admin-port-open-to-world
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.main.name
  network_security_group_name = azurerm_network_security_group.web.name
}

resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = google_compute_network.main.name
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
  # ruleid: tf-gcp-firewall-admin-port-open-to-world
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "all" {
  name    = "allow-all"
  network = google_compute_network.main.name
  allow {
    protocol = "all"
  }
  # ruleid: tf-gcp-firewall-admin-port-open-to-world
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "web" {
  name    = "allow-web"
  network = google_compute_network.main.name
  allow {
    protocol = "tcp"
    ports    = ["80", "443"]
  }
  # ok: tf-gcp-firewall-admin-port-open-to-world
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "iap" {
  name    = "allow-iap-ssh"
  network = google_compute_network.main.name
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
  # ok: tf-gcp-firewall-admin-port-open-to-world
  source_ranges = ["35.235.240.0/20"]
}
