package quiz

import "math"

// This file is the FSRS-6 memory model as the optimiser runs it: the same
// formulas as fsrs_model.go (and fsrs-rs), written so that every step can
// also be run backwards. The backward pass is reverse-mode
// differentiation by hand: each step records the branch it took and the
// values its derivatives need, and back walks the steps from the last to
// the first, turning the loss's gradient with respect to a memory state
// into its gradient with respect to the state before and to the weights.
//
// Clamps follow fsrs-rs (and PyTorch): a clamped value passes the gradient
// when it lies inside its bounds, ends included, and stops it outside.

// optParams is a weight vector with the constants the model derives from
// it once rather than at every step.
type optParams struct {
	w        [21]float64
	decay    float64 // the forgetting curve's exponent, -w20
	factor   float64 // f in R = (1 + f·t/S)^decay, so that R(S, S) = 0.9
	dFactor  float64 // df/dw20
	expW8    float64
	lapseDiv float64 // a lapse leaves S at most S / lapseDiv
	easyD    float64 // the unclamped initial difficulty of Easy
	exp3W5   float64
}

func newOptParams(w *[21]float64) *optParams {
	p := &optParams{w: *w, decay: -w[20]}
	e := math.Exp(math.Log(0.9) / p.decay)
	p.factor = e - 1
	p.dFactor = e * math.Log(0.9) / (w[20] * w[20])
	p.expW8 = math.Exp(w[8])
	p.lapseDiv = math.Exp(w[17] * w[18])
	p.exp3W5 = math.Exp(3 * w[5])
	p.easyD = w[4] - p.exp3W5 + 1
	return p
}

// The branches a step can take.
const (
	optInit       = iota // a card's first answer
	optShort             // a same-day answer
	optShortFloor        // a same-day pass whose factor was raised to 1
	optLapse             // a lapse, by the lapse formula
	optLapseFloor        // a lapse held below S / lapseDiv
	optPass              // a pass a day or more later
)

// optStep records one step of the model for the backward pass.
type optStep struct {
	kind     uint8
	g        int8    // the rating
	sOK, dOK bool    // the new S and D were inside their bounds before clamping
	t        float64 // days since the previous answer
	s, d     float64 // the state before the answer
	r, lb    float64 // retrievability at t and the log of the curve's base
	x        float64 // the short-term factor, the lapse stability or the pass increment
	u, v     float64 // lapse: d^-w12·e^((1-r)w14) and (s+1)^w13; pass: s^-w9 and e^((1-r)w10)
	l1, l2   float64 // logarithms back needs: ln s (short, pass), or ln d and ln(s+1) (lapse)
}

// curve is the forgetting curve: the retrievability t days after a review
// that left stability s, and the logarithm of the curve's base 1 + f·t/s.
// Powers are taken as exp(y·ln x) throughout, for speed and so that back
// can reuse the logarithms.
func (p *optParams) curve(t, s float64) (r, lb float64) {
	lb = math.Log(t/s*p.factor + 1)
	return math.Exp(p.decay * lb), lb
}

// curveBack adds g·∂R/∂w20 to gw and returns g·∂R/∂s, where R = r is the
// curve at (t, s) and lb the logarithm of its base.
func (p *optParams) curveBack(t, s, r, lb, g float64, gw *[21]float64) float64 {
	if g == 0 || t == 0 {
		return 0
	}
	w20 := p.w[20]
	b := t/s*p.factor + 1
	gw[20] += g * r * (-lb - w20*t/s*p.dFactor/b)
	return g * r * w20 * p.factor * t / (b * s * s)
}

// first is the memory state after a card's first answer g.
func (p *optParams) first(g int8, c *optStep) (s, d float64) {
	s0 := p.w[g-1]
	d0 := p.w[4] - math.Exp(p.w[5]*float64(g-1)) + 1
	*c = optStep{kind: optInit, g: g, sOK: optInside(s0, fsrsMinStability, fsrsMaxStability), dOK: optInside(d0, fsrsMinDiff, fsrsMaxDiff)}
	return fsrsClamp(s0, fsrsMinStability, fsrsMaxStability), fsrsClamp(d0, fsrsMinDiff, fsrsMaxDiff)
}

// step is the memory state after answer g, t days after the previous
// answer left the state (s, d); it records in c what back needs.
func (p *optParams) step(s, d, t float64, g int8, c *optStep) (float64, float64) {
	r, lb := 1.0, 0.0
	if t > 0 {
		r, lb = p.curve(t, s)
	}
	return p.stepAt(s, d, t, g, r, lb, c)
}

// stepAt is step given the curve at (t, s), r and lb, which the caller
// has already computed to predict the answer.
func (p *optParams) stepAt(s, d, t float64, g int8, r, lb float64, c *optStep) (float64, float64) {
	w := &p.w
	*c = optStep{g: g, t: t, s: s, d: d, r: r, lb: lb}
	gf := float64(g)
	var ns float64
	switch {
	case t == 0:
		c.l1 = math.Log(s)
		x := math.Exp(w[17]*(gf-3+w[18]) - w[19]*c.l1)
		c.kind, c.x = optShort, x
		if g >= 2 && x < 1 {
			c.kind, x = optShortFloor, 1
		}
		ns = s * x
	case g == 1:
		c.l1, c.l2 = math.Log(d), math.Log(s+1)
		c.u = math.Exp(-w[12]*c.l1 + (1-c.r)*w[14])
		c.v = math.Exp(w[13] * c.l2)
		lapse := w[11] * c.u * (c.v - 1)
		floor := s / p.lapseDiv
		if floor < lapse {
			c.kind, ns = optLapseFloor, floor
		} else {
			c.kind, ns = optLapse, lapse
		}
		c.x = lapse
	default:
		c.l1 = math.Log(s)
		c.u = math.Exp(-w[9] * c.l1)
		c.v = math.Exp((1 - c.r) * w[10])
		inc := p.expW8 * (11 - d) * c.u * (c.v - 1)
		switch g {
		case 2:
			inc *= w[15]
		case 4:
			inc *= w[16]
		}
		c.kind, c.x = optPass, inc
		ns = s * (inc + 1)
	}
	next := d + (10-d)*(-w[6]*(gf-3))/9
	mean := w[7]*(p.easyD-next) + next
	c.sOK = optInside(ns, fsrsMinStability, fsrsMaxStability)
	c.dOK = optInside(mean, fsrsMinDiff, fsrsMaxDiff)
	return fsrsClamp(ns, fsrsMinStability, fsrsMaxStability), fsrsClamp(mean, fsrsMinDiff, fsrsMaxDiff)
}

// back runs step c backwards: given gs and gd, the loss's gradients with
// respect to the state after the step, it adds the weights' gradients to
// gw and returns the gradients with respect to the state before it.
func (p *optParams) back(c *optStep, gs, gd float64, gw *[21]float64) (float64, float64) {
	w := &p.w
	if !c.sOK {
		gs = 0
	}
	if !c.dOK {
		gd = 0
	}
	if c.kind == optInit {
		gw[c.g-1] += gs
		if gd != 0 {
			k := float64(c.g - 1)
			gw[4] += gd
			gw[5] -= gd * k * math.Exp(w[5]*k)
		}
		return 0, 0
	}
	s, d, gf := c.s, c.d, float64(c.g)
	var ps, pd, pr float64 // with respect to s, d and r before the step
	if gs != 0 {
		switch c.kind {
		case optShortFloor:
			ps = gs
		case optShort: // s·x, x = e^(w17(g-3+w18))·s^-w19
			gx := gs * s * c.x
			gw[17] += gx * (gf - 3 + w[18])
			gw[18] += gx * w[17]
			gw[19] -= gx * c.l1
			ps = gs*c.x - gx*w[19]/s
		case optLapseFloor: // s / e^(w17·w18)
			ns := s / p.lapseDiv
			gw[17] -= gs * ns * w[18]
			gw[18] -= gs * ns * w[17]
			ps = gs / p.lapseDiv
		case optLapse: // w11·d^-w12·((s+1)^w13 - 1)·e^((1-r)w14)
			k := gs * w[11] * c.u
			gw[11] += gs * c.u * (c.v - 1)
			gw[12] -= gs * c.x * c.l1
			gw[13] += k * c.v * c.l2
			gw[14] += gs * c.x * (1 - c.r)
			ps = k * w[13] * c.v / (s + 1)
			pd = -gs * c.x * w[12] / d
			pr = -gs * c.x * w[14]
		case optPass: // s·(1 + inc), inc = e^w8·(11-d)·s^-w9·(e^((1-r)w10) - 1)·hard·easy
			gi := gs * s
			mult := 1.0
			switch c.g {
			case 2:
				mult = w[15]
				gw[15] += gi * p.expW8 * (11 - d) * c.u * (c.v - 1)
			case 4:
				mult = w[16]
				gw[16] += gi * p.expW8 * (11 - d) * c.u * (c.v - 1)
			}
			a := gi * p.expW8 * c.u * mult // ∂/∂(11-d) of the increment, times gi
			gw[8] += gi * c.x
			gw[9] -= gi * c.x * c.l1
			gw[10] += a * (11 - d) * c.v * (1 - c.r)
			ps = gs*(1+c.x) - gi*c.x*w[9]/s
			pd = -a * (c.v - 1)
			pr = -a * (11 - d) * c.v * w[10]
		}
	}
	if gd != 0 {
		delta := -w[6] * (gf - 3)
		next := d + (10-d)*delta/9
		gw[7] += gd * (p.easyD - next)
		gw[4] += gd * w[7]
		gw[5] -= gd * w[7] * 3 * p.exp3W5
		gn := gd * (1 - w[7])
		gw[6] -= gn * (10 - d) * (gf - 3) / 9
		pd += gn * (1 - delta/9)
	}
	ps += p.curveBack(c.t, s, c.r, c.lb, pr, gw)
	return ps, pd
}

// optInside reports whether lo <= x <= hi: whether a clamp to [lo, hi]
// passes x's gradient.
func optInside(x, lo, hi float64) bool { return x >= lo && x <= hi }

// forward runs the model over the answers rating[off:off+n] of one card
// and returns the state after them; with steps non-nil it records each
// step there (steps must hold n entries).
func (p *optParams) forward(l *optLog, off, n int32, steps []optStep) (s, d float64) {
	var scratch optStep
	c := &scratch
	if steps != nil {
		c = &steps[0]
	}
	s, d = p.first(l.rating[off], c)
	for i := int32(1); i < n; i++ {
		if steps != nil {
			c = &steps[i]
		}
		s, d = p.step(s, d, float64(l.delta[off+i]), l.rating[off+i], c)
	}
	return s, d
}
