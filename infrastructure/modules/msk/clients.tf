# IAM policies for the services that produce and consume the topics: one per
# service and role (`<service>-producer`, `<service>-consumer`), each naming
# only that service's topics and, for consumers, its own consumer groups
# (`<service>*`). The services' roles (EKS pod identities) attach them.

locals {
  topic_arn_prefix = replace(aws_msk_cluster.this.arn, ":cluster/", ":topic/")
  group_arn_prefix = replace(aws_msk_cluster.this.arn, ":cluster/", ":group/")

  services = distinct(flatten([for t in values(var.topics) : concat(t.producers, t.consumers)]))
  clients = merge(
    {
      for s in local.services : "${s}-producer" => {
        service = s
        role    = "producer"
        topics  = sort([for name, t in var.topics : name if contains(t.producers, s)])
      } if anytrue([for t in values(var.topics) : contains(t.producers, s)])
    },
    {
      for s in local.services : "${s}-consumer" => {
        service = s
        role    = "consumer"
        topics  = sort([for name, t in var.topics : name if contains(t.consumers, s)])
      } if anytrue([for t in values(var.topics) : contains(t.consumers, s)])
    },
  )

  schema_read = length(var.schema_registry_arns) == 0 ? [] : [{
    Sid      = "ReadSchemas"
    Effect   = "Allow"
    Action   = ["glue:GetRegistry", "glue:GetSchema", "glue:GetSchemaByDefinition", "glue:GetSchemaVersion", "glue:ListSchemaVersions"]
    Resource = flatten([for a in var.schema_registry_arns : [a, "${replace(a, ":registry/", ":schema/")}/*"]])
  }]

  client_policies = {
    for key, c in local.clients : key => jsonencode({
      Version = "2012-10-17"
      Statement = concat(
        [
          {
            Sid      = "Cluster"
            Effect   = "Allow"
            Action   = c.role == "producer" ? ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:WriteDataIdempotently"] : ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
            Resource = [aws_msk_cluster.this.arn]
          },
          {
            Sid      = "Topics"
            Effect   = "Allow"
            Action   = c.role == "producer" ? ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"] : ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
            Resource = [for t in c.topics : "${local.topic_arn_prefix}/${t}"]
          },
        ],
        c.role == "consumer" ? [{
          Sid      = "OwnGroups"
          Effect   = "Allow"
          Action   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
          Resource = ["${local.group_arn_prefix}/${c.service}*"]
        }] : [],
        local.schema_read,
      )
    })
  }
}

resource "aws_iam_policy" "clients" {
  for_each = local.client_policies

  name        = "${var.name}-${each.key}"
  description = "${local.clients[each.key].service} as ${local.clients[each.key].role} of ${join(", ", local.clients[each.key].topics)} on ${var.name}"
  policy      = each.value

  tags = merge(var.tags, { Service = local.clients[each.key].service })
}

# The principal that applies events/topics.json (events/topics.py render):
# creates the declared topics and changes their configuration, nothing else.
resource "aws_iam_policy" "topic_admin" {
  count = length(var.topics) > 0 ? 1 : 0

  name        = "${var.name}-topic-admin"
  description = "Create and configure the declared topics of ${var.name}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Cluster"
        Effect   = "Allow"
        Action   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
        Resource = [aws_msk_cluster.this.arn]
      },
      {
        Sid      = "DeclaredTopics"
        Effect   = "Allow"
        Action   = ["kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:AlterTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:AlterTopicDynamicConfiguration"]
        Resource = [for t in sort(keys(var.topics)) : "${local.topic_arn_prefix}/${t}"]
      },
    ]
  })

  tags = var.tags
}
