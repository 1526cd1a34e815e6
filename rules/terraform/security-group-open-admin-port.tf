resource "aws_security_group" "bastion" {
  name = "bastion"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    # ruleid: tf-sg-admin-port-open-to-world
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port        = 3389
    to_port          = 3389
    protocol         = "tcp"
    # ruleid: tf-sg-admin-port-open-to-world
    ipv6_cidr_blocks = ["::/0"]
  }

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    # ok: tf-sg-admin-port-open-to-world
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    # ok: tf-sg-admin-port-open-to-world
    cidr_blocks = ["10.0.0.0/8"]
  }

  ingress {
    from_port   = -1
    to_port     = -1
    protocol    = "icmp"
    # ok: tf-sg-admin-port-open-to-world
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    # ok: tf-sg-admin-port-open-to-world
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "all_in" {
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  # ruleid: tf-sg-admin-port-open-to-world
  cidr_blocks       = ["10.1.0.0/16", "0.0.0.0/0"]
  security_group_id = aws_security_group.bastion.id
}

resource "aws_security_group_rule" "all_out" {
  type              = "egress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  # ok: tf-sg-admin-port-open-to-world
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.bastion.id
}

resource "aws_vpc_security_group_ingress_rule" "everything" {
  security_group_id = aws_security_group.bastion.id
  ip_protocol       = "-1"
  # ruleid: tf-sg-admin-port-open-to-world
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.bastion.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  # ok: tf-sg-admin-port-open-to-world
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_route" "default" {
  route_table_id = aws_route_table.public.id
  # ok: tf-sg-admin-port-open-to-world
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.gw.id
}
