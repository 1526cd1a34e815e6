resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy-assets"
  # ruleid: tf-s3-public-acl
  acl    = "public-read"
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  # ruleid: tf-s3-public-acl
  acl    = "public-read-write"
}

resource "aws_s3_object" "report" {
  bucket = aws_s3_bucket.legacy.id
  key    = "report.pdf"
  # ruleid: tf-s3-public-acl
  acl    = "authenticated-read"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.logs.id
  # ok: tf-s3-public-acl
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket_acl" "private" {
  bucket = aws_s3_bucket.private.id
  # ok: tf-s3-public-acl
  acl    = "private"
}

resource "aws_network_acl" "main" {
  vpc_id = aws_vpc.main.id
}

module "cdn" {
  source = "./modules/cdn"
  # ok: tf-s3-public-acl
  acl    = "public-read"
}
