// HtmlService (gas-runtime-notes §7): HtmlOutput built from strings or project .html files, and a minimal template
// engine (`<? ?>`, `<?= ?>` escaped, `<?!= ?>` raw). Sandbox modes are accepted and ignored (everything is IFRAME).
import type { EnvContext } from './context';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The script-visible HtmlOutput; the environment reads `getContent()`/`getTitle()` when a sidebar is shown. */
export class HtmlOutput {
  private title = '';
  private width = 0;
  private height = 0;
  constructor(
    private readonly ctx: EnvContext,
    private content: string,
  ) {}
  private call(m: string) {
    this.ctx.core.call(`HtmlService.HtmlOutput.${m}`, 'none');
  }
  getContent(): string {
    this.call('getContent');
    return this.content;
  }
  setContent(c: unknown): this {
    this.call('setContent');
    this.content = String(c);
    return this;
  }
  append(c: unknown): this {
    this.call('append');
    this.content += String(c);
    return this;
  }
  appendUntrusted(c: unknown): this {
    this.call('appendUntrusted');
    this.content += escapeHtml(String(c));
    return this;
  }
  clear(): this {
    this.call('clear');
    this.content = '';
    return this;
  }
  setTitle(t: unknown): this {
    this.call('setTitle');
    this.title = String(t);
    return this;
  }
  getTitle(): string {
    this.call('getTitle');
    return this.title;
  }
  setWidth(w: unknown): this {
    this.call('setWidth');
    this.width = Number(w);
    return this;
  }
  getWidth(): number {
    this.call('getWidth');
    return this.width;
  }
  setHeight(h: unknown): this {
    this.call('setHeight');
    this.height = Number(h);
    return this;
  }
  getHeight(): number {
    this.call('getHeight');
    return this.height;
  }
  setSandboxMode(_m: unknown): this {
    this.call('setSandboxMode');
    return this;
  }
  setXFrameOptionsMode(_m: unknown): this {
    this.call('setXFrameOptionsMode');
    return this;
  }
  addMetaTag(_n: unknown, _c: unknown): this {
    this.call('addMetaTag');
    return this;
  }
  setFaviconUrl(_u: unknown): this {
    this.call('setFaviconUrl');
    return this;
  }
  /** Uncounted snapshot for the environment's UI log. */
  snapshot(): { html: string; title: string; width: number; height: number } {
    return { html: this.content, title: this.title, width: this.width, height: this.height };
  }
}

/** Turns a template into the body of `function (__data, __esc)` that returns the evaluated HTML. */
export function compileTemplate(source: string): string {
  let code = 'var __out = ""; with (__data) {\n';
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    code += `__out += ${JSON.stringify(source.slice(last, m.index))};\n`;
    if (m[1] === '=') code += `__out += __esc(String(${m[2]}));\n`;
    else if (m[1] === '!=') code += `__out += String(${m[2]});\n`;
    else code += `${m[2]}\n`;
    last = re.lastIndex;
  }
  code += `__out += ${JSON.stringify(source.slice(last))};\n} return __out;`;
  return code;
}

export function createHtmlService(ctx: EnvContext) {
  const call = (m: string) => ctx.core.call(`HtmlService.${m}`, 'none');
  const file = (name: unknown): string => {
    const key = String(name).replace(/\.html$/, '');
    const text = ctx.files.get(key);
    if (text === undefined) throw ctx.core.error(`No HTML file named ${String(name)} was found.`);
    return text;
  };
  const template = (source: string) => {
    const t: Record<string, unknown> = {
      evaluate() {
        ctx.core.call('HtmlService.HtmlTemplate.evaluate', 'none');
        const data: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(t)) if (typeof v !== 'function') data[k] = v;
        const fn = ctx.compileInContext(compileTemplate(source));
        return new HtmlOutput(ctx, String(fn(data, escapeHtml)));
      },
      getRawContent: () => source,
    };
    return t;
  };
  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: unknown) {
      call('createHtmlOutput');
      return new HtmlOutput(ctx, html === undefined ? '' : String(html));
    },
    createHtmlOutputFromFile(filename: unknown) {
      call('createHtmlOutputFromFile');
      return new HtmlOutput(ctx, file(filename));
    },
    createTemplate(html: unknown) {
      call('createTemplate');
      return template(String(html));
    },
    createTemplateFromFile(filename: unknown) {
      call('createTemplateFromFile');
      return template(file(filename));
    },
  };
}
