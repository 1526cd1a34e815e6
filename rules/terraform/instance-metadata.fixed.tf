resource "aws_instance" "legacy" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"
  metadata_options {
    http_endpoint = "enabled"
    # ruleid: tf-aws-imdsv1-enabled
    http_tokens   = "required"
  }
}

resource "aws_launch_template" "workers" {
  name_prefix = "workers-"
  metadata_options {
    # ok: tf-aws-imdsv1-enabled
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }
}

# ruleid: tf-aws-instance-imdsv2-not-required
resource "aws_instance" "bare" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"
}

# ok: tf-aws-instance-imdsv2-not-required
resource "aws_instance" "good" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
}

# ok: tf-aws-instance-imdsv2-not-required
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
