mock_resource "aws_security_group" {
  defaults = {
    id = "sg-0123456789abcdef0"
  }
}

mock_resource "aws_elasticache_global_replication_group" {
  defaults = {
    global_replication_group_id = "ldgnf-ecom-prod-us-east-1-redis"
  }
}
