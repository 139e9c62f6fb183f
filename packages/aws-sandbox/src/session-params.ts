import type { Params } from './query-protocol.js';
import { PATTERNS, type Validator } from './validation.js';

// AssumeRole's Tags and TransitiveTagKeys, with the constraints of the STS API model
// (botocore/data/sts/2011-06-15/service-2.json: tagListType and tagKeyListType max 50,
// tagKeyType 1–128 and tagValueType 0–256 of [\p{L}\p{Z}\p{N}_.:/=+\-@]).
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html

const MAX_TAGS = 50;

export interface SessionTagParams {
  tags: Record<string, string>;
  transitiveTagKeys: string[];
}

function members(params: Params, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${prefix}.member.${i}`); i++)
    out.push(params.get(`${prefix}.member.${i}`) ?? '');
  return out;
}

export function readSessionTags(v: Validator, params: Params): SessionTagParams {
  const tags: Record<string, string> = {};
  let count = 0;
  for (let i = 1; params.has(`Tags.member.${i}.Key`); i++) {
    count = i;
    const key = v.string(`tags.${i}.member.key`, params.get(`Tags.member.${i}.Key`), {
      min: 1,
      max: 128,
      pattern: PATTERNS.tagKey,
    });
    const value = v.string(`tags.${i}.member.value`, params.get(`Tags.member.${i}.Value`), {
      required: true,
      max: 256,
      pattern: PATTERNS.tagValue,
    });
    if (key !== undefined && value !== undefined) tags[key] = value;
  }
  v.listLength('tags', count, MAX_TAGS);
  const transitiveTagKeys = members(params, 'TransitiveTagKeys');
  transitiveTagKeys.forEach((key, i) =>
    v.string(`transitiveTagKeys.${i + 1}.member`, key, {
      min: 1,
      max: 128,
      pattern: PATTERNS.tagKey,
    }),
  );
  v.listLength('transitiveTagKeys', transitiveTagKeys.length, MAX_TAGS);
  return { tags, transitiveTagKeys };
}
