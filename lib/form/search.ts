/** Finding fields of a form by what the user remembers of them: path, label or description. */
import { contextLabel, type FormField, type FormModel } from './model';

/** Fields whose path, label (with context) or help contain every word of the query, best first. */
export function searchFields(model: FormModel, query: string, limit = 50): FormField[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: { field: FormField; score: number }[] = [];
  for (const field of model.fieldsById.values()) {
    // Objects are found through their fields; hidden fields are not the user's to edit.
    if (field.widget === 'object' || field.hidden) continue;
    const id = field.id.toLowerCase();
    const label = contextLabel(field).toLowerCase();
    const help = (field.help ?? '').toLowerCase();
    if (!words.every((w) => id.includes(w) || label.includes(w) || help.includes(w))) continue;
    // Matches in the path or label rank above matches in the description alone.
    const score = words.reduce((s, w) => s + (id.endsWith(w) || field.label.toLowerCase() === w ? 4 : id.includes(w) || label.includes(w) ? 2 : 1), 0);
    scored.push({ field, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.field.id.localeCompare(b.field.id))
    .slice(0, limit)
    .map((s) => s.field);
}
