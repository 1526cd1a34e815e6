provider "aws" {
  region = "eu-west-1"
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = var.vpc_id
  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    # expect: admin-port-open
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "bastion" {
  ami                    = data.aws_ami.al2023.id
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.bastion.id]
  metadata_options {
    # expect: imdsv1
    http_tokens = "optional"
  }
}

resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "m6i.large"
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

resource "aws_db_instance" "reporting" {
  identifier          = "reporting"
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  allocated_storage   = 50
  # expect: public-database
  publicly_accessible = true
  # expect: encryption-off
  storage_encrypted   = false
  username            = "report"
  manage_master_user_password = true
}

resource "aws_iam_policy" "ci_admin" {
  name = "ci-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      # expect: iam-wildcard
      Action   = "*"
      Resource = "*"
    }]
  })
}
