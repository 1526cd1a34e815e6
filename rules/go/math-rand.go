package fixtures

import (
	"encoding/hex"
	"math/rand"
	"strconv"
	"time"
)

type Session struct {
	ID    string
	Token string
	Delay time.Duration
}

func newAPIKey() string {
	key := make([]byte, 32)
	// ruleid: go-math-rand-read
	rand.Read(key)
	return hex.EncodeToString(key)
}

func resetToken() string {
	// ruleid: go-math-rand-secret
	return strconv.FormatInt(rand.Int63(), 36)
}

func (s *Server) login(user string) *Session {
	// ruleid: go-math-rand-secret
	sessionID := strconv.Itoa(rand.Int())
	return &Session{
		ID: sessionID,
		// ruleid: go-math-rand-secret
		Token: strconv.FormatUint(rand.Uint64(), 16),
		// ok: go-math-rand-secret
		Delay: time.Duration(rand.Intn(100)) * time.Millisecond,
	}
}

func backoff(attempt int) time.Duration {
	// ok: go-math-rand-secret
	jitter := time.Duration(rand.Int63n(int64(time.Second)))
	return time.Duration(attempt)*time.Second + jitter
}

func generatePassword(n int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	// ok: go-math-rand-secret
	rand.Seed(time.Now().UnixNano())
	out := make([]byte, n)
	for i := range out {
		// ruleid: go-math-rand-secret
		out[i] = alphabet[rand.Intn(len(alphabet))]
	}
	return string(out)
}

func shuffleDeck(cards []string) {
	// ok: go-math-rand-secret
	rand.Shuffle(len(cards), func(i, j int) { cards[i], cards[j] = cards[j], cards[i] })
}

func pickServer(servers []string) string {
	// ok: go-math-rand-secret, go-math-rand-read
	return servers[rand.Intn(len(servers))]
}
