package id.payung.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Pages speak Bahasa Indonesia unless the user chose English ({@code ?lang=en}, remembered in a cookie):
 * many office browsers are set to English, their users still expect Indonesian. API clients choose
 * with Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");
    static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("payung-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            var header = request.getHeader("Accept-Language");
            if (!request.getRequestURI().startsWith("/api/") || header == null || header.isBlank()) return INDONESIAN;
            var match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return match == null ? INDONESIAN : match;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
    }
}
