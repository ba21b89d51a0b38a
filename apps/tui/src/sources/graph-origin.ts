/** Microsoft Graph's own origin: the one place a Graph token goes unless the user names another. */
export const graphOrigin = "https://graph.microsoft.com";
