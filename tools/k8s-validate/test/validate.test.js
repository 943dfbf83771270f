// The check must fail on broken manifests: each case breaks a valid object in one way and expects that problem.
import { test } from "node:test";
import assert from "node:assert/strict";
import { validateObjects } from "../src/validate.js";

const deployment = () => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "channel-gateway", labels: { "app.kubernetes.io/name": "channel-gateway" } },
  spec: {
    selector: { matchLabels: { "app.kubernetes.io/name": "channel-gateway" } },
    template: {
      metadata: { labels: { "app.kubernetes.io/name": "channel-gateway" } },
      spec: {
        containers: [{
          name: "app",
          image: "threadline/channel-gateway:dev",
          ports: [{ name: "http", containerPort: 8080 }],
          securityContext: { runAsNonRoot: true, capabilities: { drop: ["ALL"] } },
        }],
      },
    },
  },
});

const topic = () => ({
  apiVersion: "kafka.strimzi.io/v1",
  kind: "KafkaTopic",
  metadata: { name: "ticket-events", labels: { "strimzi.io/cluster": "threadline" } },
  spec: { topicName: "ticket.events", partitions: 3, replicas: 3, config: { "retention.ms": -1 } },
});

const rule = () => ({
  apiVersion: "monitoring.coreos.com/v1",
  kind: "PrometheusRule",
  metadata: { name: "threadline" },
  spec: { groups: [{ name: "g", rules: [{ alert: "A", expr: "up == 0", for: "5m" }] }] },
});

async function problemsOf(object) {
  const [result] = await validateObjects([object]);
  return result.problems;
}

test("valid objects pass, free-form maps (labels, topic config) included", async () => {
  for (const object of [deployment(), topic(), rule()]) {
    assert.deepEqual(await problemsOf(object), [], `${object.kind} should be valid`);
  }
});

test("a misspelt field deep in a Deployment is reported", async () => {
  const broken = deployment();
  broken.spec.template.spec.containers[0].securityContext.runAsNonroot = true;
  assert.deepEqual(await problemsOf(broken),
    ["spec.template.spec.containers[0].securityContext.runAsNonroot: unknown field"]);
});

test("a wrong type is reported", async () => {
  const broken = deployment();
  broken.spec.replicas = "3";
  broken.spec.template.spec.containers[0].ports[0].containerPort = "http";
  const problems = await problemsOf(broken);
  assert.deepEqual(problems, ["spec.replicas: must be integer",
    "spec.template.spec.containers[0].ports[0].containerPort: must be integer"]);
});

test("a missing required field is reported", async () => {
  const broken = deployment();
  delete broken.spec.selector;
  assert.deepEqual(await problemsOf(broken), ["spec: must have required property selector"]);
});

test("a Strimzi resource is checked against its CRD schema", async () => {
  const wrongType = topic();
  wrongType.spec.partitions = "three";
  assert.deepEqual(await problemsOf(wrongType), ["spec.partitions: must be integer"]);
  const misspelt = topic();
  misspelt.spec.replica = 3;
  assert.deepEqual(await problemsOf(misspelt), ["spec.replica: unknown field"]);
});

test("a Prometheus Operator resource is checked against its CRD schema", async () => {
  const broken = rule();
  broken.spec.groups[0].rules[0].expression = "up == 0";
  assert.deepEqual(await problemsOf(broken), ["spec.groups[0].rules[0].expression: unknown field"]);
});

test("an object of a kind without a pinned schema is reported, not skipped", async () => {
  const problems = await problemsOf({ apiVersion: "mongodbcommunity.mongodb.com/v1", kind: "MongoDBCommunity",
    metadata: { name: "mongodb" }, spec: {} });
  assert.deepEqual(problems, ["no schema for mongodbcommunity.mongodb.com/v1 MongoDBCommunity in the pinned packages"]);
});
