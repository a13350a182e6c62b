// Lower-case function words the model sometimes tags on their own in noisy text (`of`, `on`, `at`).
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'at', 'to', 'for', 'and', 'or', 'by', 'with', 'from', 'as', 'is', 'it',
  'be', 'we', 'he', 'she', 'they', 'you', 'i', 'me', 'my', 'our', 'your', 'this', 'that', 'its', 'his', 'her', 'de', 'la', 'le', 'el', 'y', 'et']);

/**
 * False when a model span cannot be a name, organisation, place or address: no letter at all
 * (`,`, `>`, `--`), or one lower-case function word. Names in any script have letters (\p{L}).
 */
export function plausibleSpan(value: string): boolean {
  if (!/\p{L}/u.test(value)) return false;
  return !FUNCTION_WORDS.has(value.trim());
}
