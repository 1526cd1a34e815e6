package fixtures

import (
	"log"
	"net/http"
	"os"
	"text/template"
)

var page = template.Must(template.New("p").Parse(`<h1>Hello {{.}}</h1>`))

func hello(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-text-template-http
	page.Execute(w, r.URL.Query().Get("name"))
}

func (s *Server) profile(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-text-template-http
	if err := s.tmpl.ExecuteTemplate(w, "profile", s.user(r)); err != nil {
		log.Print(err)
	}
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/bye", func(w http.ResponseWriter, r *http.Request) {
		// ruleid: go-text-template-http
		_ = page.Execute(w, r.FormValue("name"))
	})
}

func generateConfig(vars map[string]string) error {
	// ok: go-text-template-http
	return page.Execute(os.Stdout, vars)
}

func dbQuery(w http.ResponseWriter, r *http.Request) {
	// ok: go-text-template-http
	stmt.Execute(ctx, "x")
}
