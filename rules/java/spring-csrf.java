package fixtures;

import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

class WebSecurity {
    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        // ruleid: java-spring-csrf-disabled
        http.csrf(csrf -> csrf.disable())
            .formLogin(form -> form.loginPage("/login"));
        return http.build();
    }

    SecurityFilterChain legacy(HttpSecurity http) throws Exception {
        // ruleid: java-spring-csrf-disabled
        http.csrf().disable().authorizeRequests().anyRequest().authenticated();
        return http.build();
    }

    SecurityFilterChain admin(HttpSecurity http) throws Exception {
        // ruleid: java-spring-csrf-disabled
        return http.csrf(AbstractHttpConfigurer::disable).formLogin(f -> {}).build();
    }

    SecurityFilterChain spa(HttpSecurity http) throws Exception {
        // ok: java-spring-csrf-disabled
        http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()));
        return http.build();
    }
}

class ApiSecurity {
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // ok: java-spring-csrf-disabled
        return http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()))
            .build();
    }
}

class ApiSecuritySplit {
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        // ok: java-spring-csrf-disabled
        http.csrf(c -> c.disable());
        return http.build();
    }
}
