resource "aws_db_instance" "reporting" {
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  # ruleid: tf-db-publicly-accessible
  publicly_accessible = true
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  # ruleid: tf-db-publicly-accessible
  publicly_accessible = true
}

resource "aws_db_instance" "main" {
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  # ok: tf-db-publicly-accessible
  publicly_accessible = false
}

resource "aws_rds_cluster_instance" "reader" {
  cluster_identifier  = aws_rds_cluster.main.id
  # ok: tf-db-publicly-accessible
  publicly_accessible = var.public
}

variable "public" {
  # ok: tf-db-publicly-accessible
  default = true
}
