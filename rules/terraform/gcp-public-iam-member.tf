resource "google_storage_bucket_iam_member" "public" {
  bucket = google_storage_bucket.reports.name
  role   = "roles/storage.objectViewer"
  # ruleid: tf-gcp-public-iam-member
  member = "allUsers"
}

resource "google_pubsub_topic_iam_binding" "publishers" {
  topic = google_pubsub_topic.events.name
  role  = "roles/pubsub.publisher"
  # ruleid: tf-gcp-public-iam-member
  members = ["serviceAccount:app@proj.iam.gserviceaccount.com", "allAuthenticatedUsers"]
}

data "google_iam_policy" "viewer" {
  binding {
    role = "roles/viewer"
    # ruleid: tf-gcp-public-iam-member
    members = ["allUsers"]
  }
}

resource "google_storage_bucket_iam_member" "readers" {
  bucket = google_storage_bucket.reports.name
  role   = "roles/storage.objectViewer"
  # ok: tf-gcp-public-iam-member
  member = "group:report-readers@example.com"
}

resource "google_project_service" "run" {
  service = "run.googleapis.com"
}

locals {
  # ok: tf-gcp-public-iam-member
  members = ["allUsers"]
}
