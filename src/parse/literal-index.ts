/**
 * Finding many literals in a text in one pass: an Aho–Corasick automaton compiled to a dense table over
 * the small alphabet the literals use, so one table lookup per character tells which literals occur,
 * however many there are. The knowledge-base rule table is gated with it (classify/matcher: each rule's
 * required literals, ./required-literals). For a handful of patterns it does not pay: a regex scan in
 * native code beats this loop in JavaScript, so small tables just run their patterns.
 */

export class LiteralIndex {
  private readonly trie: Map<number, number>[] = [new Map()];
  private readonly outs: number[][] = [[]];
  private readonly ids = new Map<string, number>();
  /** char code → alphabet index + 1 (0 = not in any literal). */
  private alpha = new Uint8Array(0);
  private width = 0;
  /** Transitions, one row of `width` per state: 16-bit while the states fit, to keep the table cache-sized. */
  private delta: Uint16Array | Int32Array = new Uint16Array(0);
  private out: (readonly number[] | null)[] = [];
  /** 1 for states where a literal ends (a byte array: cheaper to test per character than `out`). */
  private ends = new Uint8Array(0);

  /** Id of a literal, adding it when new. Call build() after the last add. */
  add(literal: string): number {
    const known = this.ids.get(literal);
    if (known !== undefined) return known;
    const id = this.ids.size;
    this.ids.set(literal, id);
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const c = literal.charCodeAt(i);
      const node = this.trie[state] as Map<number, number>;
      let to = node.get(c);
      if (to === undefined) {
        to = this.trie.length;
        this.trie.push(new Map());
        this.outs.push([]);
        node.set(c, to);
      }
      state = to;
    }
    (this.outs[state] as number[]).push(id);
    return id;
  }

  get size(): number { return this.ids.size; }

  build(): void {
    const chars = new Set<number>();
    for (const node of this.trie) for (const c of node.keys()) chars.add(c);
    const maxCode = Math.max(0, ...chars);
    this.alpha = new Uint8Array(maxCode + 1);
    if (chars.size > 254) throw new Error('literal alphabet too large');
    let w = 0;
    for (const c of [...chars].sort((a, b) => a - b)) this.alpha[c] = ++w;
    const width = (this.width = w + 1);
    const n = this.trie.length;
    const delta = n <= 0xffff ? new Uint16Array(n * width) : new Int32Array(n * width);
    const fail = new Int32Array(n);
    // Breadth-first: a state's missing transitions are its fail state's transitions.
    const queue: number[] = [];
    for (const [c, to] of this.trie[0] as Map<number, number>) { delta[this.alpha[c] as number] = to; queue.push(to); }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi] as number;
      const f = fail[s] as number;
      const outs = this.outs[s] as number[];
      if (s !== 0) outs.push(...(this.outs[f] as number[]));
      // one native row copy (copyWithin) rather than a loop per cell: most of what loading the rules costs
      delta.copyWithin(s * width + 1, f * width + 1, f * width + width);
      for (const [c, to] of this.trie[s] as Map<number, number>) {
        const a = this.alpha[c] as number;
        fail[to] = s === 0 ? 0 : (delta[f * width + a] as number);
        delta[s * width + a] = to;
        queue.push(to);
      }
    }
    this.delta = delta;
    this.out = this.outs.map((o) => (o.length ? o : null));
    this.ends = Uint8Array.from(this.outs, (o) => (o.length ? 1 : 0));
  }

  /** Calls onHit(literalId) for every occurrence of a literal in the text. */
  scan(text: string, onHit: (id: number) => void): void {
    for (const id of this.collect(text, [])) onHit(id);
  }

  /** Appends to `into` the id of every literal occurrence in the text (no callback: the hot path). */
  collect(text: string, into: number[]): number[] {
    const { alpha, delta, width, out, ends } = this;
    const top = alpha.length;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // column 0 (a character no literal has) leads back to the root from every state
      state = delta[state * width + (c < top ? (alpha[c] as number) : 0)] as number;
      if (ends[state] === 1) {
        const hits = out[state] as readonly number[];
        for (let h = 0; h < hits.length; h++) into.push(hits[h] as number);
      }
    }
    return into;
  }
}
