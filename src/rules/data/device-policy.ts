/**
 * AWS IoT Core policy shapes that grant more than one device needs (reference AWS-06, T-19;
 * Device Defender `IOT_POLICY_OVERLY_PERMISSIVE_CHECK`).
 */

/** Data-plane actions: the ones whose Resource scoping decides what one device certificate may do. */
export const IOT_DATA_ACTIONS: ReadonlySet<string> = new Set([
  'iot:connect', 'iot:publish', 'iot:subscribe', 'iot:receive', 'iot:retainpublish',
  'iot:getthingshadow', 'iot:updatethingshadow', 'iot:deletethingshadow', 'iot:listnamedshadowsforthing',
  'iot:getretainedmessage', 'iot:listretainedmessages', 'iot:deleteconnection',
]);

/** Actions that grant everything IoT (or everything AWS). */
export const WILDCARD_ACTIONS: ReadonlySet<string> = new Set(['*', 'iot:*']);

/** An ARN whose resource part is `*`: every IoT resource of the account, the same as `"*"`. */
export const ACCOUNT_WILDCARD = /^arn:aws[a-z-]*:iot:[^:]*:[^:]*:\*$/;

/** A resource pattern that lets one device act for the whole fleet. */
export interface ResourceWildcard {
  re: RegExp;
  /** What the wildcard grants, for the message. */
  grants: string;
}

export const RESOURCE_WILDCARDS: readonly ResourceWildcard[] = [
  { re: /:client\/\*$/, grants: 'connect with any client ID, so a stolen certificate can impersonate or disconnect every device' },
  { re: /:topic(?:filter)?\/\$aws\/things\/\*(?:\/|$)/, grants: 'reach the reserved topics (shadows, jobs) of every thing' },
  { re: /:thing\/\*$/, grants: 'read and change the shadow of every thing' },
  { re: /:topic(?:filter)?\/(?:\*|#)$/, grants: 'publish or subscribe to every topic' },
];

/** The policy variable that binds a resource to the connecting thing. */
export const THING_NAME_VARIABLE = '${iot:Connection.Thing.ThingName}';
/** The same variable inside CloudFormation `Fn::Sub`, where `${!…}` escapes it. */
export const THING_NAME_VARIABLE_SUB = '${!iot:Connection.Thing.ThingName}';
