/**
 * In the browser, once: a diagram wider than its column at the legibility
 * floor scrolls inside its figure and would open at its left edge, which for
 * a top-to-bottom flow is often empty, with the flow's first step off to the
 * right. Each such canvas is scrolled so that its topmost label (the first
 * one a reader looks for; the leftmost of a row, such as a sequence diagram's
 * first participant) sits in the middle of the view, or as near as the
 * scroll range allows. Without JavaScript the canvas simply opens at its left edge.
 */
for (const canvas of document.querySelectorAll<HTMLElement>('.diagram__canvas')) {
  if (canvas.scrollWidth <= canvas.clientWidth) continue;
  let entry: DOMRect | undefined;
  for (const label of canvas.querySelectorAll('svg text')) {
    const box = label.getBoundingClientRect();
    if (box.width === 0) continue;
    if (!entry || box.top < entry.top - 1 || (box.top <= entry.top + 1 && box.left < entry.left)) entry = box;
  }
  if (entry) {
    const view = canvas.getBoundingClientRect();
    canvas.scrollLeft += entry.left + entry.width / 2 - (view.left + view.width / 2);
  }
}
