package apkg

import (
	"errors"
	"fmt"
)

// Anki's newer packages keep a few things as protocol buffers: the media
// list (MediaEntries), the package's version (PackageMetadata) and, in
// schema 15 and later, the configuration of note types and templates. The
// few fields read here are decoded by hand rather than with a protobuf
// library: the wire format is small and only a handful of fields matter.

// protoField is one field of a protobuf message as it sits on the wire.
type protoField struct {
	num    int
	varint uint64 // for wire type 0
	bytes  []byte // for wire type 2
	wire   int
}

var errProto = errors.New("malformed protobuf message")

// protoFields decodes the top-level fields of a message, in order. Fixed
// 32- and 64-bit fields are skipped; groups (wire types 3 and 4, long
// deprecated) are refused.
func protoFields(b []byte) ([]protoField, error) {
	var out []protoField
	for len(b) > 0 {
		key, n := uvarint(b)
		if n <= 0 {
			return nil, errProto
		}
		b = b[n:]
		f := protoField{num: int(key >> 3), wire: int(key & 7)}
		if f.num <= 0 || key>>3 > 1<<29 {
			return nil, errProto
		}
		switch f.wire {
		case 0:
			v, n := uvarint(b)
			if n <= 0 {
				return nil, errProto
			}
			f.varint, b = v, b[n:]
		case 1:
			if len(b) < 8 {
				return nil, errProto
			}
			b = b[8:]
		case 2:
			l, n := uvarint(b)
			if n <= 0 || l > uint64(len(b)-n) {
				return nil, errProto
			}
			f.bytes, b = b[n:n+int(l)], b[n+int(l):]
		case 5:
			if len(b) < 4 {
				return nil, errProto
			}
			b = b[4:]
		default:
			return nil, fmt.Errorf("%w: wire type %d", errProto, f.wire)
		}
		out = append(out, f)
	}
	return out, nil
}

// uvarint decodes a base-128 varint, returning the number of bytes read, or
// 0 when b ends early or the value overflows 64 bits.
func uvarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		c := b[i]
		if i == 9 && c > 1 {
			return 0, 0
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}
