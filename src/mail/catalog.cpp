#include "mail/catalog.h"

#include <map>
#include <stdexcept>

namespace agora::mail {

namespace {

using Catalog = std::map<std::string, MailStrings>;

// Placeholders: {instance} the server's title, {domain} its domain, {link} the
// action's target, {name} a display name, {acct} a handle, {text} a quoted status, {date} a day.
const Catalog& english() {
  static const Catalog c = {
      {"appeal_approved",
       {"{instance}: Your appeal of the strike from {date} was approved",
        {"The moderators of {domain} approved your appeal of the strike from {date}. It no longer counts against "
         "your account."},
        "See your strikes",
        ""}},
      {"appeal_rejected",
       {"{instance}: Your appeal of the strike from {date} was rejected",
        {"The moderators of {domain} reviewed your appeal of the strike from {date} and decided to keep it."},
        "See your strikes",
        ""}},
      {"account_approved",
       {"{instance}: Your account has been approved",
        {"Your account on {domain} has been approved. You can now sign in and start posting."},
        "Sign in",
        ""}},
      {"warning_none",
       {"{instance}: You have received a warning from the moderators",
        {"The moderators of {domain} sent you a warning.", "{text}", "{statuses}"}, "", ""}},
      {"warning_disable",
       {"{instance}: Your account has been frozen",
        {"You can no longer use your account on {domain}, but your profile and other data stay intact.",
         "{text}", "{statuses}"}, "", ""}},
      {"warning_sensitive",
       {"{instance}: Your media will be marked as sensitive",
        {"From now on, the media you post on {domain} will be marked as sensitive and hidden behind a warning.",
         "{text}", "{statuses}"}, "", ""}},
      {"warning_silence",
       {"{instance}: Your account has been limited",
        {"Your account on {domain} has been limited: only people who already follow you see your posts.",
         "{text}", "{statuses}"}, "", ""}},
      {"warning_suspend",
       {"{instance}: Your account has been suspended",
        {"Your account on {domain} has been suspended: you can no longer use it, and your profile is hidden.",
         "{text}", "{statuses}"}, "", ""}},
      {"confirmation",
       {"{instance}: Confirmation instructions for {domain}",
        {"Welcome to {instance}!", "To confirm your e-mail address, open the link below.",
         "If you did not sign up, you can ignore this message."},
        "Confirm e-mail address",
        ""}},
      {"reset_password",
       {"{instance}: Reset password instructions",
        {"Someone asked to change the password of your account on {domain}.",
         "To choose a new one, open the link below within six hours.",
         "If it was not you, ignore this message: your password stays as it is."},
        "Change password",
        ""}},
      {"password_changed",
       {"{instance}: Password changed",
        {"The password of your account on {domain} has just been changed.",
         "If it was not you, reset your password at once and contact the server's staff."},
        "",
        ""}},
      {"email_changed",
       {"{instance}: E-mail changed",
        {"The e-mail address of your account on {domain} is being changed to {email}.",
         "If it was not you, contact the server's staff: someone may have access to your account."},
        "",
        ""}},
      {"two_factor_enabled",
       {"{instance}: Two-factor authentication enabled",
        {"Two-factor authentication has been enabled for your account on {domain}. Signing in now needs a "
         "code from your authenticator app."},
        "",
        ""}},
      {"two_factor_disabled",
       {"{instance}: Two-factor authentication disabled",
        {"Two-factor authentication has been disabled for your account on {domain}. Signing in now needs only "
         "your e-mail address and password.",
         "If it was not you, change your password at once."},
        "",
        ""}},
      {"notification_mention",
       {"You were mentioned by {name}",
        {"{name} (@{acct}) mentioned you:", "{text}"},
        "View the post",
        "You get this mail because you chose to be told of mentions by e-mail. To stop: {unsubscribe}"}},
      {"notification_follow",
       {"{name} is now following you",
        {"{name} (@{acct}) is now following you on {domain}."},
        "View the profile",
        "You get this mail because you chose to be told of new followers by e-mail. To stop: {unsubscribe}"}},
      {"notification_follow_request",
       {"Pending follower: {name}",
        {"{name} (@{acct}) asked to follow you. Approve or reject the request."},
        "Review follow requests",
        "You get this mail because you chose to be told of follow requests by e-mail. To stop: {unsubscribe}"}},
      {"notification_favourite",
       {"{name} favourited your post",
        {"{name} (@{acct}) favourited your post:", "{text}"},
        "View the post",
        "You get this mail because you chose to be told of favourites by e-mail. To stop: {unsubscribe}"}},
      {"notification_reblog",
       {"{name} boosted your post",
        {"{name} (@{acct}) boosted your post:", "{text}"},
        "View the post",
        "You get this mail because you chose to be told of boosts by e-mail. To stop: {unsubscribe}"}},
  };
  return c;
}

const Catalog& german() {
  static const Catalog c = {
      {"appeal_approved",
       {"{instance}: Dein Einspruch gegen die Verwarnung vom {date} wurde angenommen",
        {"Die Moderation von {domain} hat deinem Einspruch gegen die Verwarnung vom {date} stattgegeben. Sie zählt "
         "nicht mehr gegen dein Konto."},
        "Verwarnungen ansehen",
        ""}},
      {"appeal_rejected",
       {"{instance}: Dein Einspruch gegen die Verwarnung vom {date} wurde abgelehnt",
        {"Die Moderation von {domain} hat deinen Einspruch gegen die Verwarnung vom {date} geprüft und sie "
         "bestehen lassen."},
        "Verwarnungen ansehen",
        ""}},
      {"account_approved",
       {"{instance}: Dein Konto wurde genehmigt",
        {"Dein Konto auf {domain} wurde genehmigt. Du kannst dich jetzt anmelden und loslegen."},
        "Anmelden",
        ""}},
      {"warning_none",
       {"{instance}: Du hast eine Warnung von der Moderation erhalten",
        {"Die Moderation von {domain} hat dir eine Warnung geschickt.", "{text}", "{statuses}"}, "", ""}},
      {"warning_disable",
       {"{instance}: Dein Konto wurde eingefroren",
        {"Du kannst dein Konto auf {domain} nicht mehr verwenden, aber dein Profil und deine Daten bleiben "
         "erhalten.", "{text}", "{statuses}"}, "", ""}},
      {"warning_sensitive",
       {"{instance}: Deine Medien werden mit einer Inhaltswarnung versehen",
        {"Ab jetzt werden deine Medien auf {domain} mit einer Inhaltswarnung versehen.", "{text}", "{statuses}"},
        "", ""}},
      {"warning_silence",
       {"{instance}: Dein Konto wurde eingeschränkt",
        {"Dein Konto auf {domain} wurde eingeschränkt: nur Leute, die dir schon folgen, sehen deine Beiträge.",
         "{text}", "{statuses}"}, "", ""}},
      {"warning_suspend",
       {"{instance}: Dein Konto wurde gesperrt",
        {"Dein Konto auf {domain} wurde gesperrt: du kannst es nicht mehr verwenden und dein Profil ist "
         "verborgen.", "{text}", "{statuses}"}, "", ""}},
      {"confirmation",
       {"{instance}: Bestätigung deiner E-Mail-Adresse für {domain}",
        {"Willkommen bei {instance}!", "Um deine E-Mail-Adresse zu bestätigen, öffne den folgenden Link.",
         "Falls du dich nicht registriert hast, kannst du diese Nachricht ignorieren."},
        "E-Mail-Adresse bestätigen",
        ""}},
      {"reset_password",
       {"{instance}: Anleitung zum Zurücksetzen deines Passworts",
        {"Jemand möchte das Passwort deines Kontos auf {domain} ändern.",
         "Um ein neues zu wählen, öffne innerhalb von sechs Stunden den folgenden Link.",
         "Falls du das nicht warst, ignoriere diese Nachricht: dein Passwort bleibt unverändert."},
        "Passwort ändern",
        ""}},
      {"password_changed",
       {"{instance}: Passwort geändert",
        {"Das Passwort deines Kontos auf {domain} wurde soeben geändert.",
         "Falls du das nicht warst, setze dein Passwort sofort zurück und kontaktiere die Moderation."},
        "",
        ""}},
      {"email_changed",
       {"{instance}: E-Mail-Adresse geändert",
        {"Die E-Mail-Adresse deines Kontos auf {domain} wird zu {email} geändert.",
         "Falls du das nicht warst, kontaktiere die Moderation: jemand könnte Zugriff auf dein Konto haben."},
        "",
        ""}},
      {"two_factor_enabled",
       {"{instance}: Zwei-Faktor-Authentisierung aktiviert",
        {"Die Zwei-Faktor-Authentisierung deines Kontos auf {domain} ist jetzt aktiv. Zum Anmelden brauchst du "
         "einen Code aus deiner Authenticator-App."},
        "",
        ""}},
      {"two_factor_disabled",
       {"{instance}: Zwei-Faktor-Authentisierung deaktiviert",
        {"Die Zwei-Faktor-Authentisierung deines Kontos auf {domain} wurde deaktiviert. Zum Anmelden genügen "
         "jetzt E-Mail-Adresse und Passwort.",
         "Falls du das nicht warst, ändere sofort dein Passwort."},
        "",
        ""}},
      {"notification_mention",
       {"Du wurdest von {name} erwähnt",
        {"{name} (@{acct}) hat dich erwähnt:", "{text}"},
        "Beitrag ansehen",
        "Du erhältst diese E-Mail, weil du über Erwähnungen per E-Mail informiert werden möchtest. Abbestellen: "
        "{unsubscribe}"}},
      {"notification_follow",
       {"{name} folgt dir jetzt",
        {"{name} (@{acct}) folgt dir jetzt auf {domain}."},
        "Profil ansehen",
        "Du erhältst diese E-Mail, weil du über neue Follower per E-Mail informiert werden möchtest. "
        "Abbestellen: {unsubscribe}"}},
      {"notification_follow_request",
       {"Ausstehende Follower-Anfrage: {name}",
        {"{name} (@{acct}) möchte dir folgen. Nimm die Anfrage an oder lehne sie ab."},
        "Follower-Anfragen ansehen",
        "Du erhältst diese E-Mail, weil du über Follower-Anfragen per E-Mail informiert werden möchtest. "
        "Abbestellen: {unsubscribe}"}},
      {"notification_favourite",
       {"{name} hat deinen Beitrag favorisiert",
        {"{name} (@{acct}) hat deinen Beitrag favorisiert:", "{text}"},
        "Beitrag ansehen",
        "Du erhältst diese E-Mail, weil du über Favoriten per E-Mail informiert werden möchtest. Abbestellen: "
        "{unsubscribe}"}},
      {"notification_reblog",
       {"{name} hat deinen Beitrag geteilt",
        {"{name} (@{acct}) hat deinen Beitrag geteilt:", "{text}"},
        "Beitrag ansehen",
        "Du erhältst diese E-Mail, weil du über geteilte Beiträge per E-Mail informiert werden möchtest. "
        "Abbestellen: {unsubscribe}"}},
  };
  return c;
}

const Catalog& spanish() {
  static const Catalog c = {
      {"appeal_approved",
       {"{instance}: Tu apelación de la sanción del {date} ha sido aprobada",
        {"La moderación de {domain} ha aprobado tu apelación de la sanción del {date}. Ya no cuenta en contra de "
         "tu cuenta."},
        "Ver tus sanciones",
        ""}},
      {"appeal_rejected",
       {"{instance}: Tu apelación de la sanción del {date} ha sido rechazada",
        {"La moderación de {domain} ha revisado tu apelación de la sanción del {date} y ha decidido mantenerla."},
        "Ver tus sanciones",
        ""}},
      {"account_approved",
       {"{instance}: Tu cuenta ha sido aprobada",
        {"Tu cuenta en {domain} ha sido aprobada. Ya puedes iniciar sesión y empezar a publicar."},
        "Iniciar sesión",
        ""}},
      {"warning_none",
       {"{instance}: Has recibido una advertencia de la moderación",
        {"La moderación de {domain} te ha enviado una advertencia.", "{text}", "{statuses}"}, "", ""}},
      {"warning_disable",
       {"{instance}: Tu cuenta ha sido congelada",
        {"Ya no puedes usar tu cuenta en {domain}, pero tu perfil y tus datos se conservan.", "{text}",
         "{statuses}"}, "", ""}},
      {"warning_sensitive",
       {"{instance}: Tus archivos multimedia se marcarán como sensibles",
        {"A partir de ahora, los archivos multimedia que publiques en {domain} se marcarán como sensibles.",
         "{text}", "{statuses}"}, "", ""}},
      {"warning_silence",
       {"{instance}: Tu cuenta ha sido limitada",
        {"Tu cuenta en {domain} ha sido limitada: solo quienes ya te siguen ven tus publicaciones.", "{text}",
         "{statuses}"}, "", ""}},
      {"warning_suspend",
       {"{instance}: Tu cuenta ha sido suspendida",
        {"Tu cuenta en {domain} ha sido suspendida: ya no puedes usarla y tu perfil está oculto.", "{text}",
         "{statuses}"}, "", ""}},
      {"confirmation",
       {"{instance}: Instrucciones de confirmación para {domain}",
        {"¡Bienvenido a {instance}!", "Para confirmar tu dirección de correo, abre el siguiente enlace.",
         "Si no te registraste, puedes ignorar este mensaje."},
        "Confirmar dirección de correo",
        ""}},
      {"reset_password",
       {"{instance}: Instrucciones para restablecer la contraseña",
        {"Alguien pidió cambiar la contraseña de tu cuenta en {domain}.",
         "Para elegir una nueva, abre el siguiente enlace en las próximas seis horas.",
         "Si no fuiste tú, ignora este mensaje: tu contraseña no cambia."},
        "Cambiar contraseña",
        ""}},
      {"password_changed",
       {"{instance}: Contraseña cambiada",
        {"La contraseña de tu cuenta en {domain} acaba de cambiar.",
         "Si no fuiste tú, restablece tu contraseña enseguida y contacta con la moderación."},
        "",
        ""}},
      {"email_changed",
       {"{instance}: Correo electrónico cambiado",
        {"La dirección de correo de tu cuenta en {domain} se está cambiando a {email}.",
         "Si no fuiste tú, contacta con la moderación: alguien podría tener acceso a tu cuenta."},
        "",
        ""}},
      {"two_factor_enabled",
       {"{instance}: Autenticación de dos factores activada",
        {"La autenticación de dos factores de tu cuenta en {domain} está activada. Para iniciar sesión "
         "necesitas un código de tu aplicación de autenticación."},
        "",
        ""}},
      {"two_factor_disabled",
       {"{instance}: Autenticación de dos factores desactivada",
        {"La autenticación de dos factores de tu cuenta en {domain} se ha desactivado. Para iniciar sesión "
         "bastan tu correo y tu contraseña.",
         "Si no fuiste tú, cambia tu contraseña enseguida."},
        "",
        ""}},
      {"notification_mention",
       {"Fuiste mencionado por {name}",
        {"{name} (@{acct}) te mencionó:", "{text}"},
        "Ver la publicación",
        "Recibes este correo porque elegiste recibir avisos de menciones por correo. Para dejar de recibirlos: "
        "{unsubscribe}"}},
      {"notification_follow",
       {"{name} te está siguiendo",
        {"{name} (@{acct}) te está siguiendo en {domain}."},
        "Ver el perfil",
        "Recibes este correo porque elegiste recibir avisos de nuevos seguidores por correo. Para dejar de "
        "recibirlos: {unsubscribe}"}},
      {"notification_follow_request",
       {"Seguidor pendiente: {name}",
        {"{name} (@{acct}) ha solicitado seguirte. Acepta o rechaza la solicitud."},
        "Ver solicitudes de seguimiento",
        "Recibes este correo porque elegiste recibir avisos de solicitudes de seguimiento por correo. Para "
        "dejar de recibirlos: {unsubscribe}"}},
      {"notification_favourite",
       {"{name} marcó como favorita tu publicación",
        {"{name} (@{acct}) marcó como favorita tu publicación:", "{text}"},
        "Ver la publicación",
        "Recibes este correo porque elegiste recibir avisos de favoritos por correo. Para dejar de recibirlos: "
        "{unsubscribe}"}},
      {"notification_reblog",
       {"{name} impulsó tu publicación",
        {"{name} (@{acct}) impulsó tu publicación:", "{text}"},
        "Ver la publicación",
        "Recibes este correo porque elegiste recibir avisos de impulsos por correo. Para dejar de recibirlos: "
        "{unsubscribe}"}},
  };
  return c;
}

// "de-AT", "de_AT" and "DE" all mean German.
std::string language_of(const std::string& locale) {
  std::string lang = locale.substr(0, locale.find_first_of("-_"));
  for (char& ch : lang) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return lang;
}

}  // namespace

const MailStrings& mail_strings(const std::string& name, const std::string& locale) {
  std::string lang = language_of(locale);
  const Catalog* catalog = lang == "de" ? &german() : lang == "es" ? &spanish() : &english();
  auto it = catalog->find(name);
  if (it != catalog->end()) return it->second;
  return english().at(name);
}

}  // namespace agora::mail
