export interface Point { x: number; y: number }
function shift(p: Point, by: number): Point { return { x: p.x + by, y: p.y - by }; }
