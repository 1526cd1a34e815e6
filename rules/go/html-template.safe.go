package fixtures

import (
	"html/template"
	"net/http"

	"github.com/microcosm-cc/bluemonday"
)

var page = template.Must(template.New("p").Parse(`<p>{{.Bio}}</p>{{.Banner}}`))

func hello(w http.ResponseWriter, r *http.Request) {
	bio := r.FormValue("bio")
	data := map[string]any{
		// ruleid: go-template-unescaped-cast
		"Bio": template.HTML(bio),
		// ruleid: go-template-unescaped-cast
		"Link": template.URL(r.FormValue("next")),
		// ok: go-template-unescaped-cast
		"Banner": template.HTML("<b>Welcome</b>"),
		// ok: go-template-unescaped-cast
		"Clean": template.HTML(bluemonday.UGCPolicy().Sanitize(bio)),
		// ok: go-template-unescaped-cast
		"Escaped": template.HTML(template.HTMLEscapeString(bio)),
	}
	// ok: go-text-template-http
	page.Execute(w, data)
}
