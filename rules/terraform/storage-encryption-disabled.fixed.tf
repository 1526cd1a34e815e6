resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  # ruleid: tf-storage-encryption-disabled
  encrypted         = true
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  # ruleid: tf-storage-encryption-disabled
  storage_encrypted = true
}

resource "aws_instance" "app" {
  ami           = data.aws_ami.app.id
  instance_type = "t3.small"
  root_block_device {
    # ruleid: tf-storage-encryption-disabled
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    # ok: tf-storage-encryption-disabled
    encrypted   = true
  }
}

module "cache" {
  source = "./modules/redis"
  # ruleid: tf-storage-encryption-disabled
  at_rest_encryption_enabled = true
  # ok: tf-storage-encryption-disabled
  transit_encryption_enabled = true
}

resource "aws_rds_cluster" "aurora" {
  engine = "aurora-postgresql"
  # ok: tf-storage-encryption-disabled
  storage_encrypted = var.encrypt
}

variable "encrypted" {
  type = bool
  # ok: tf-storage-encryption-disabled
  default = false
}

locals {
  # ok: tf-storage-encryption-disabled
  encrypted = false
}
