import { awsIotPolicyWildcard } from '../../src/rules/aws-iot-policy-wildcard';
import { ruleTester } from '../harness/rule-tester';

const SCOPED = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "iot:Connect", "Resource": "arn:aws:iot:eu-west-1:123456789012:client/\${iot:Connection.Thing.ThingName}",
      "Condition": { "Bool": { "iot:Connection.Thing.IsAttached": "true" } } },
    { "Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"], "Resource": ["arn:aws:iot:eu-west-1:123456789012:topic/$aws/things/\${iot:Connection.Thing.ThingName}/*"] },
    { "Effect": "Allow", "Action": "iot:Subscribe", "Resource": "arn:aws:iot:eu-west-1:123456789012:topicfilter/$aws/things/\${iot:Connection.Thing.ThingName}/shadow/*" }
  ]
}
`;

const CLIENT_STAR = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["iot:Connect"], "Resource": ["arn:aws:iot:us-east-1:123456789012:client/*"] }
  ]
}
`;

const CFN_YAML = `Resources:
  DevicePolicy:
    Type: AWS::IoT::Policy
    Properties:
      PolicyName: sensor-policy
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: iot:Connect
            Resource: !Sub 'arn:aws:iot:\${AWS::Region}:\${AWS::AccountId}:client/*'
          - Effect: Allow
            Action:
              - iot:Publish
            Resource:
              - Fn::Sub: arn:aws:iot:\${AWS::Region}:\${AWS::AccountId}:topic/$aws/things/*/shadow/update
`;

ruleTester.run(awsIotPolicyWildcard, {
  valid: [
    { lang: 'typescript', filePath: 'src/policies.ts', code: "const policy = {\n  Version: '2012-10-17',\n  Statement: [\n    { Effect: 'Allow', Action: ['iot:Connect'], Resource: [`arn:aws:iot:${region}:${account}:client/\\${iot:Connection.Thing.ThingName}`] },\n    { Effect: 'Allow', Action: 'iot:Publish', Resource: 'arn:aws:iot:eu-west-1:123456789012:topic/orchard/${iot:Connection.Thing.ThingName}/telemetry' },\n  ],\n};\n", name: 'TS policy scoped to the thing' },
    { lang: 'typescript', code: "const s3Policy = { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };\n", name: 'not an IoT policy' },
    { lang: 'javascript', code: "const doc = { Statement: [{ Effect: 'Deny', Action: 'iot:*', Resource: '*' }] };\n", name: 'Deny statement' },
    { lang: 'python', code: 'POLICY = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iot:Receive"], "Resource": "*"}]}\n', name: 'iot:Receive only (T-19)' },
    { lang: 'python', code: 'class Statement:\n    pass\nEffect = "Allow"\nAction = "iot:*"\n', name: 'unrelated names' },
    { lang: 'json', name: 'thing-name scoped policy', filePath: 'policies/device-policy.json', code: SCOPED },
    { lang: 'json', name: 'Deny statements with wildcards are fine', filePath: 'policy.json', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iot:*","Resource":"*"},{"Effect":"Deny","Action":"iot:Connect","Resource":"arn:aws:iot:us-east-1:1:client/*"}]}\n' },
    { lang: 'json', name: 'iot:Receive on all things topics is compliant (T-19)', filePath: 'policy.json', code: '{"Statement":[{"Effect":"Allow","Action":"iot:Receive","Resource":"arn:aws:iot:us-east-1:1:topic/$aws/things/*"}]}\n' },
    { lang: 'json', name: 'IAM (non-IoT) policy is another rule\'s business', filePath: 'lambda-role.json', code: '{"Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}]}\n' },
    { lang: 'json', name: 'control-plane IoT action needs Resource *', filePath: 'iam/backend.json', code: '{"Statement":[{"Effect":"Allow","Action":"iot:DescribeEndpoint","Resource":"*"}]}\n' },
    { lang: 'yaml', name: 'CloudFormation policy scoped with an escaped Sub variable', filePath: 'template.yaml', code: "Resources:\n  P:\n    Type: AWS::IoT::Policy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: iot:Connect\n            Resource: !Sub 'arn:aws:iot:${AWS::Region}:${AWS::AccountId}:client/${!iot:Connection.Thing.ThingName}'\n" },
    { lang: 'yaml', name: 'a YAML file that merely mentions iot:', filePath: 'docs.yaml', code: 'notes: "iot:Connect is scoped per thing"\n' },
  ],
  invalid: [
    {
      lang: 'json', name: 'iot:* on * (error) and Resource *', filePath: 'policy.json',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "iot:*", "Resource": "*" }]\n}\n',
      errors: [
        { messageId: 'wildcardAction', line: 3, column: 48, severity: 'error', data: { action: 'iot:*' } },
        { messageId: 'wildcardResource', line: 3, column: 69, severity: 'warning', data: { resource: '*', actions: 'iot:*' } },
      ],
    },
    {
      lang: 'json', name: 'client/* with suggestion', filePath: 'certs/policy.json', code: CLIENT_STAR,
      errors: [{
        messageId: 'fleetResource', line: 4, severity: 'warning',
        data: { resource: 'arn:aws:iot:us-east-1:123456789012:client/*', grants: 'connect with any client ID, so a stolen certificate can impersonate or disconnect every device' },
        suggestions: [{ title: 'client/${iot:Connection.Thing.ThingName}', output: CLIENT_STAR.replace('client/*', 'client/${iot:Connection.Thing.ThingName}') }],
      }],
    },
    {
      lang: 'json', name: '"*" action in a file named like an IoT policy', filePath: 'infra/iot_policy.json',
      code: '{"Statement":[{"Effect":"Allow","Action":["*"],"Resource":["arn:aws:iot:us-east-1:1:thing/*"]}]}\n',
      errors: [
        { messageId: 'wildcardAction', severity: 'warning', data: { action: '*' } },
        { messageId: 'fleetResource', data: { resource: 'arn:aws:iot:us-east-1:1:thing/*', grants: 'read and change the shadow of every thing' } },
      ],
    },
    {
      lang: 'json', name: 'subscribe to every topic filter', filePath: 'policy.json',
      code: '{"Statement":[{"Effect":"Allow","Action":"iot:Subscribe","Resource":"arn:aws:iot:us-east-1:1:topicfilter/#"}]}\n',
      errors: [{ messageId: 'fleetResource', data: { resource: 'arn:aws:iot:us-east-1:1:topicfilter/#', grants: 'publish or subscribe to every topic' } }],
    },
    {
      lang: 'yaml', name: 'CloudFormation: !Sub client/* (escaped suggestion) and Fn::Sub things/*', filePath: 'template.yaml', code: CFN_YAML,
      errors: [
        { messageId: 'fleetResource', line: 11, suggestions: [{ title: 'client/${!iot:Connection.Thing.ThingName}', output: CFN_YAML.replace('client/*', 'client/${!iot:Connection.Thing.ThingName}') }] },
        { messageId: 'fleetResource', line: 16, data: { resource: 'arn:aws:iot:${AWS::Region}:${AWS::AccountId}:topic/$aws/things/*/shadow/update', grants: 'reach the reserved topics (shadows, jobs) of every thing' } },
      ],
    },
    {
      lang: 'yaml', name: 'CloudFormation AWS::IoT::Policy with "*" actions', filePath: 'stack.yaml',
      code: "Resources:\n  Pol:\n    Type: AWS::IoT::Policy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: '*'\n            Resource: '*'\n",
      errors: [
        { messageId: 'wildcardAction', line: 8, severity: 'error' },
        { messageId: 'wildcardResource', line: 9, severity: 'warning' },
      ],
    },
    {
      lang: 'yaml', name: 'CloudFormation: every IoT resource of the account via !Sub', filePath: 'cfn/iot.yaml',
      code: "Resources:\n  Pol:\n    Type: AWS::IoT::Policy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action:\n              - iot:*\n            Resource:\n              - !Sub 'arn:aws:iot:${AWS::Region}:${AWS::AccountId}:*'\n",
      errors: [
        { messageId: 'wildcardAction', line: 9, severity: 'error' },
        { messageId: 'wildcardResource', line: 11, data: { resource: 'arn:aws:iot:${AWS::Region}:${AWS::AccountId}:*', actions: 'iot:*' } },
      ],
    },
    {
      lang: 'json', name: 'policy in an example folder is lowered', filePath: 'examples/policy.json',
      code: '{"Statement":[{"Effect":"Allow","Action":"iot:Publish","Resource":"*"}]}\n',
      errors: [{ messageId: 'wildcardResource', severity: 'info', data: { resource: '*', actions: 'iot:Publish' } }],
    },
    {
      lang: 'typescript', name: 'policy object built in TypeScript (iot:* on *)', filePath: 'src/policies.ts',
      code: "const onboardingPolicy = {\n  Version: '2012-10-17',\n  Statement: [\n    {\n      Effect: 'Allow',\n      Action: 'iot:*',\n      Resource: '*',\n    },\n  ],\n};\nawait iot.send(new CreatePolicyCommand({ policyName, policyDocument: JSON.stringify(onboardingPolicy) }));\n",
      errors: [
        { messageId: 'wildcardAction', line: 6, column: 15, severity: 'error', data: { action: 'iot:*' } },
        { messageId: 'wildcardResource', line: 7, column: 17, data: { resource: '*', actions: 'iot:*' } },
      ],
    },
    {
      lang: 'javascript', name: 'second statement of two; array values',
      code: "const doc = {\n  Statement: [\n    { Effect: 'Deny', Action: 'iot:*', Resource: '*' },\n    { Effect: 'Allow', Action: ['iot:Connect', 'iot:Publish'], Resource: ['arn:aws:iot:us-east-1:123456789012:client/*'] },\n  ],\n};\n",
      errors: [{ messageId: 'fleetResource', line: 4, suggestions: [{ output: "const doc = {\n  Statement: [\n    { Effect: 'Deny', Action: 'iot:*', Resource: '*' },\n    { Effect: 'Allow', Action: ['iot:Connect', 'iot:Publish'], Resource: ['arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}'] },\n  ],\n};\n" }] }],
    },
    {
      lang: 'python', name: 'boto3 policy dict, inline in json.dumps and as a module constant',
      code: 'import json\nPOLICY = {\n    "Version": "2012-10-17",\n    "Statement": [\n        {"Effect": "Allow", "Action": ["iot:*"], "Resource": ["*"]},\n    ],\n}\niot.create_policy(policyName="fleet", policyDocument=json.dumps({"Statement": {"Effect": "Allow", "Action": "iot:Publish", "Resource": "*"}}))\n',
      errors: [
        { messageId: 'wildcardAction', line: 5, severity: 'error' },
        { messageId: 'wildcardResource', line: 5, data: { resource: '*', actions: 'iot:*' } },
        { messageId: 'wildcardResource', line: 8, data: { resource: '*', actions: 'iot:Publish' } },
      ],
    },
  ],
});
