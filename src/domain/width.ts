// Full-width forms typed by Chinese input methods (１２３，．￥Ａ＠) and the ideographic space, folded to what the
// rules and searches expect. Shared by the import reader (values) and the sidebar search (keys).

/** Folds full-width ASCII (U+FF01–U+FF5E) to half-width and the ideographic space (U+3000) to a space. */
export function halfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}
