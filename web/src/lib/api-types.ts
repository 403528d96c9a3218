// Generated from SelfHost's /api/openapi.json by web/scripts/generate-api-types.mjs: never edit by hand.
// Regenerate with `npm run api-types` while scripts/run.sh runs (a test fails when this file drifts).

export interface paths {
    "/api/accounting/supplier-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Comptes de charge et fournisseur d'un fournisseur */
        put: operations["SaveSupplierAccounts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les exports précédents et leurs fichiers */
        get: operations["ListExportBatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/{batchId}/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Un fichier d'export (sage ou fec) */
        get: operations["DownloadExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Factures filtrées (statut, fournisseur, dates, montant, numéro) et compteurs par statut */
        get: operations["ListInvoices"];
        put?: never;
        /** Dépose une facture (champ multipart file) et met son OCR en file */
        post: operations["UploadInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une facture, ses champs, ses confiances et ses écritures */
        get: operations["GetInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Corrige et valide une facture */
        patch: operations["ValidateInvoice"];
        trace?: never;
    };
    "/api/invoices/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le fichier d'origine */
        get: operations["GetInvoiceFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Relance l'OCR */
        post: operations["RetryInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statut courant de quelques factures, pour suivre les dépôts */
        get: operations["GetInvoiceStates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sage/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exporte les factures validées (Sage et FEC), sur une période ou toutes celles en attente */
        post: operations["ExportSage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Alias du dépôt, comme dans le seed */
        post: operations["UploadInvoiceAlias"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des comptes : ?role=&tenant_id=&email=&page=&page_size= */
        get: operations["ListAccounts"];
        put?: never;
        /** Crée un compte administrateur ou utilisateur d'un locataire */
        post: operations["CreateAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/accounts/{accountId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Désactive un compte et ferme toutes ses sessions */
        post: operations["DisableAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/accounts/{accountId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Réactive un compte */
        post: operations["EnableAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/accounts/{accountId}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Efface le mot de passe, ferme les sessions et renvoie un jeton de création (24 h) */
        post: operations["ResetAccountPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/activation-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Codes d'activation : ?status=used|unused|expired&product=&page=&page_size=, avec qui les a utilisés */
        get: operations["ListActivationCodes"];
        put?: never;
        /** Crée des codes d'activation */
        post: operations["CreateActivationCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/licenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recherche de licences: ?email=&machine_id=&type=&status=&expires_after=&expires_before=&product=&page=&page_size= */
        get: operations["SearchLicenses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/licenses.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export CSV des licences (mêmes filtres que la recherche) */
        get: operations["ExportLicensesCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/licenses/{machineId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une licence : sa clé décodée et son historique (essai, activation, validations, heartbeats) ; ?product= pour une machine à plusieurs produits */
        get: operations["GetLicense"];
        put?: never;
        post?: never;
        /** Révoque la licence d'une machine (idempotent) */
        delete: operations["RevokeLicense"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les revendeurs et leurs produits */
        get: operations["ListPartners"];
        put?: never;
        /** Crée un revendeur et sa clé API (affichée une fois) pour des produits */
        post: operations["CreatePartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/partners/{name}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Désactive un revendeur: sa clé ne sert plus (ses codes restent valables) */
        post: operations["DisablePartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le catalogue des produits */
        get: operations["ListProducts"];
        put?: never;
        /** Ajoute un produit au catalogue */
        post: operations["CreateProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/products/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Modifie nom, durée d'essai, types de licence ou URL de renouvellement d'un produit */
        patch: operations["UpdateProduct"];
        trace?: never;
    };
    "/api/v1/admin/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Versions publiées et leur adoption: ?product=&channel= */
        get: operations["ListReleases"];
        put?: never;
        /** Publie une version d'un produit sur un canal, pour une part des machines */
        post: operations["PublishRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/releases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change la part des machines qui reçoivent une version */
        patch: operations["UpdateReleaseRollout"];
        trace?: never;
    };
    "/api/v1/admin/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statistiques: licences par type et statut, trials, heartbeats, validations: ?days=&product= */
        get: operations["LicenseStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les cabinets (locataires), par nom */
        get: operations["ListTenants"];
        put?: never;
        /** Crée un locataire et sa clé API (montrée une fois) */
        post: operations["CreateTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ListAdminWebhooks"];
        put?: never;
        /** Enregistre un webhook pour les événements de licence */
        post: operations["RegisterAdminWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["DeleteAdminWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Journal des livraisons : statut, latence, extrait de réponse */
        get: operations["AdminWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RedeliverAdminWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EnableAdminWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RotateAdminWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Connexion par e-mail et mot de passe : jeton d'accès (1 h) et jeton de rafraîchissement (7 jours) */
        post: operations["Login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Révoque la session du jeton de rafraîchissement (corps ou cookie) */
        post: operations["Logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change son propre mot de passe et ferme ses autres sessions */
        post: operations["ChangePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Définit le mot de passe avec un jeton de création à usage unique (24 h) */
        post: operations["SetUpPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Nouvelle paire de jetons ; un jeton de rafraîchissement ne sert qu'une fois (corps ou cookie ef_refresh) */
        post: operations["RefreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Désinscription des rappels d'expiration (le lien) */
        get: operations["UnsubscribeReminders"];
        put?: never;
        /** Désinscription en un clic (RFC 8058) */
        post: operations["UnsubscribeRemindersOneClick"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Active une licence payante avec un code à usage unique */
        post: operations["ActivateLicense"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enregistre version et OS d'une machine licenciée (1 par 24 h) */
        post: operations["LicenseHeartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clés publiques de vérification hors ligne, par identifiant de clé */
        get: operations["LicensePublicKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/trial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Crée une licence trial de 30 jours, une par machine */
        post: operations["CreateTrial"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Valide une clé de licence pour une machine */
        post: operations["ValidateLicense"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner/activation-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Revendeur : ses codes et leur utilisation */
        get: operations["PartnerListActivationCodes"];
        put?: never;
        /** Revendeur : crée des codes d'activation d'un de ses produits */
        post: operations["PartnerCreateActivationCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/updates/{product}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mise à jour du client: manifeste signé, ou 204 si à jour ou hors du déploiement progressif */
        get: operations["CheckUpdate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ListWebhooks"];
        put?: never;
        /** Enregistre un webhook pour les événements de factures du tenant */
        post: operations["RegisterWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["DeleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RedeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EnableWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @example {
         *       "id": "01a224da-3501-78b4-99ac-093fcab681ab",
         *       "journalCode": "ACH",
         *       "entryDate": "2024-01-15T00:00:00.000Z",
         *       "accountNumber": "60100000",
         *       "label": "Achat marchandises",
         *       "debit": "1000.00",
         *       "credit": "0.00"
         *     }
         */
        AccountingEntryView: {
            accountNumber: string;
            credit: string;
            debit: string;
            entryDate: string;
            id: string;
            journalCode: string;
            label: string;
        };
        AccountListResponse: {
            accounts: components["schemas"]["AccountView"][];
            /** Format: int32 */
            page: number | string;
            /** Format: int32 */
            page_size: number | string;
            success?: boolean;
            /** Format: int64 */
            total: number | string;
        };
        AccountResponse: {
            account: components["schemas"]["AccountView"];
            /** Format: date-time */
            password_setup_expires_at: null | string;
            password_setup_token: null | string;
            success?: boolean;
        };
        AccountView: {
            /** Format: date-time */
            created_at: string;
            created_by: string;
            /** Format: date-time */
            disabled_at: null | string;
            display_name: string;
            email: string;
            has_password: boolean;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            last_login_at: null | string;
            role: string;
            /** Format: uuid */
            tenant_id: null | string;
        };
        /**
         * @example {
         *       "machine_id": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
         *       "activation_code": "GMUM-FH3G-2HGM-J6PE",
         *       "email": "client@exemple.com",
         *       "product": "easyfacture"
         *     }
         */
        ActivateRequest: {
            activation_code: string;
            email: string;
            machine_id: string;
            product: null | string;
        };
        ActivationCodeListResponse: {
            codes: components["schemas"]["ActivationCodeSummary"][];
            /** Format: int32 */
            page: number | string;
            /** Format: int32 */
            page_size: number | string;
            success?: boolean;
            /** Format: int64 */
            total: number | string;
        };
        /**
         * @example {
         *       "success": true,
         *       "codes": [
         *         "GMUM-FH3G-2HGM-J6PE"
         *       ],
         *       "license_type": "annual",
         *       "duration_days": 365,
         *       "expires_at": null,
         *       "product": "easyfacture"
         *     }
         */
        ActivationCodesResponse: {
            codes: string[];
            /** Format: int32 */
            duration_days: number | string;
            /** Format: date-time */
            expires_at: null | string;
            license_type: string;
            product?: string;
            success?: boolean;
        };
        ActivationCodeSummary: {
            code?: string;
            /** Format: date-time */
            created_at?: string;
            created_by?: null | string;
            /** Format: int32 */
            duration_days?: number | string;
            /** Format: date-time */
            expires_at?: null | string;
            license_type?: string;
            notes?: null | string;
            product?: string;
            status?: string;
            /** Format: date-time */
            used_at?: null | string;
            used_by_email?: null | string;
            used_by_machine_id?: null | string;
        };
        /**
         * @example {
         *       "success": false,
         *       "error": "INVALID_MACHINE_ID",
         *       "message": "Format de Machine ID invalide : 32 caractères hexadécimaux attendus.",
         *       "details": {
         *         "machine_id": "32 caractères hexadécimaux attendus"
         *       },
         *       "timestamp": "2025-12-31T12:00:00.000Z",
         *       "request_id": "16d0b9bc-3561-4771-a22b-deb81a0f3f5c"
         *     }
         * @example {
         *       "success": false,
         *       "error": "RATE_LIMIT_EXCEEDED",
         *       "message": "Trop de requêtes. Réessayez dans 1 heure.",
         *       "details": {},
         *       "timestamp": "2025-12-31T12:00:00.000Z",
         *       "request_id": "4f57c7fe-0a2c-478f-91f6-050066cdfd56"
         *     }
         */
        ApiError: {
            details?: {
                [key: string]: string;
            };
            error: string;
            message: string;
            request_id: string;
            success?: boolean;
            /** Format: date-time */
            timestamp: unknown;
        } & {
            [key: string]: unknown;
        };
        CreateAccountRequest: {
            display_name: string;
            email: string;
            password: null | string;
            role: string;
            /** Format: uuid */
            tenant_id: null | string;
        };
        /**
         * @example {
         *       "product": "easyfacture",
         *       "license_type": "annual",
         *       "duration_days": 365,
         *       "count": 1,
         *       "expires_at": null,
         *       "notes": "Commande 2025-118"
         *     }
         */
        CreateActivationCodesRequest: {
            /** Format: int32 */
            count: null | number | string;
            /** Format: int32 */
            duration_days: null | number | string;
            /** Format: date-time */
            expires_at: null | string;
            license_type: string;
            notes: null | string;
            product: null | string;
        };
        CreatePartnerRequest: {
            name: string;
            products: string[];
        };
        CreatePartnerResponse: {
            api_key: string;
            partner: components["schemas"]["PartnerSummary"];
            success?: boolean;
        };
        CreateProductRequest: {
            code: string;
            license_types: null | string[];
            name: string;
            renewal_url: null | string;
            /** Format: int32 */
            trial_days: null | number | string;
        };
        DayCount: {
            /** Format: int64 */
            count: number | string;
            /** Format: date */
            day: string;
        };
        DecodedLicenseKey: {
            /** Format: date-time */
            expires_at: null | string;
            /** Format: date-time */
            issued_at: null | string;
            key_id: null | string;
            /** Format: int64 */
            license_id: null | number | string;
            license_type: null | string;
            machine_id: null | string;
            product: null | string;
            signature: string;
        };
        ExportBatchListResponse: {
            batches: components["schemas"]["ExportBatchView"][];
            /** Format: int32 */
            page: number | string;
            /** Format: int32 */
            page_size: number | string;
            success: boolean;
            /** Format: int64 */
            total: number | string;
        };
        ExportBatchView: {
            /** Format: uuid */
            batch_id: string;
            /** Format: int32 */
            count: number | string;
            created_at: string;
            fec_url: string;
            from: string;
            /** Format: int32 */
            lines: number | string;
            sage_url: string;
            to: string;
        };
        /**
         * @example {
         *       "success": true,
         *       "count": 1,
         *       "sage_url": "https://api.easyfacture.com/api/exports/01a22501-7c3e-7f1a-9d2b-5e8f0a6b4c21/sage",
         *       "fec_url": "https://api.easyfacture.com/api/exports/01a22501-7c3e-7f1a-9d2b-5e8f0a6b4c21/fec",
         *       "batch_id": "01a22501-7c3e-7f1a-9d2b-5e8f0a6b4c21",
         *       "from": "2024-01-01",
         *       "to": "2024-01-31",
         *       "lines": 3,
         *       "skipped": [],
         *       "warnings": []
         *     }
         */
        ExportResponse: {
            /** Format: uuid */
            batch_id: string;
            /** Format: int32 */
            count: number | string;
            fec_url: string;
            from: string;
            /** Format: int32 */
            lines: number | string;
            sage_url: string;
            skipped: string[];
            success: boolean;
            to: string;
            warnings: string[];
        };
        /**
         * @example {
         *       "machine_id": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
         *       "license_key": "EF1.eyJsaWQiOjEsIm1pZCI6ImExYjJjM2Q0ZTVmNjA3MTgyOTNhNGI1YzZkN2U4ZjkwIiwidHlwIjoiYW5udWFsIiwicHJkIjoiZWFzeWZhY3R1cmUiLCJpYXQiOjE3OTU5MTQ2MDUsImV4cCI6MTgyNzQ0NjM5OSwia2lkIjoiZTMyMTFmZTAxMjNjODUwMSJ9.99S1XrOeYMe29ThZ6uoUkYXLUhVlPiSdIlunUPlsfKMhbKUZTPlYdHkaAdpm-ws56vgC71JnFoaKh27hEIjZRg",
         *       "app_version": "1.6.0",
         *       "os_info": "Windows 11 Pro",
         *       "product": "easyfacture"
         *     }
         */
        HeartbeatRequest: {
            app_version: null | string;
            license_key: string;
            machine_id: string;
            os_info: null | string;
            product: null | string;
        };
        /**
         * @example {
         *       "success": true,
         *       "message": "Heartbeat enregistré",
         *       "last_check": "2025-12-31T12:00:00Z"
         *     }
         */
        HeartbeatResponse: {
            /** Format: date-time */
            last_check: string;
            message: string;
            success?: boolean;
        };
        InvoiceAnalysisView: {
            /** Format: date-time */
            analyzedAt?: null | string;
            analyzer?: null | string;
            /** Format: int32 */
            attempts?: number | string;
            /** Format: date-time */
            editedAt?: null | string;
            notes?: null | string;
        };
        /**
         * @example {
         *       "id": "01a224da-2ee1-7e7f-b902-bf138033389b",
         *       "fileName": "facture.pdf",
         *       "status": "AI_COMPLETED",
         *       "uploadedAt": "2025-11-17T20:30:00.000Z",
         *       "processedAt": "2025-11-17T20:30:02.000Z",
         *       "ocrConfidence": 0.92,
         *       "supplierName": "ACME Corp",
         *       "supplierVAT": "FR12345678901",
         *       "invoiceNumber": "FAC-2024-001",
         *       "invoiceDate": "2024-01-15T00:00:00.000Z",
         *       "amountTTC": "1200.00",
         *       "currency": "EUR",
         *       "retryCount": 0,
         *       "errorMessage": null,
         *       "fileUrl": "https://api.easyfacture.com/api/invoices/01a224da-2ee1-7e7f-b902-bf138033389b/file?tenant=01a224da-2e49-747b-8210-637a8555d8cb&expires=1763412300&kid=key1&sig=Sf3guOPpHz7nl0E0V6G3Ak2a9eHxjtpi8CO1CiIvOic",
         *       "fileUrlExpiresAt": "2025-11-17T20:45:00.000Z",
         *       "mediaType": "application/pdf",
         *       "fileSize": 251566,
         *       "source": "upload",
         *       "ocrEngine": "textract",
         *       "ocrText": "Texte complet extrait de la facture...",
         *       "ocrTextError": null,
         *       "supplierAddress": "123 Rue de la Paix, 75001 Paris",
         *       "supplierSiren": "123456789",
         *       "supplierSiret": "12345678900012",
         *       "dueDate": "2024-02-15T00:00:00.000Z",
         *       "amountHT": "1000.00",
         *       "amountTVA": "200.00",
         *       "tvaRate": "20.00",
         *       "isCreditNote": false,
         *       "documentType": "380",
         *       "paymentTerms": "30 jours fin de mois",
         *       "iban": null,
         *       "einvoiceNotes": null,
         *       "lastRetryAt": null,
         *       "validatedAt": null,
         *       "fieldConfidences": {
         *         "supplierName": 0.97,
         *         "invoiceNumber": 0.92,
         *         "invoiceDate": 0.92,
         *         "amountTTC": 0.985
         *       },
         *       "fieldPositions": {
         *         "amountTTC": {
         *           "page": 1,
         *           "left": 0.351,
         *           "top": 0.3137,
         *           "width": 0.0719,
         *           "height": 0.0121
         *         }
         *       },
         *       "analysis": {
         *         "analyzer": "claude",
         *         "notes": null,
         *         "attempts": 1,
         *         "analyzedAt": "2025-11-17T20:30:05.000Z",
         *         "editedAt": null
         *       },
         *       "vatBreakdown": [
         *         {
         *           "categoryCode": "S",
         *           "rate": "20.00",
         *           "baseAmount": "1000.00",
         *           "taxAmount": "200.00"
         *         }
         *       ],
         *       "lineItems": [],
         *       "accountingEntries": [
         *         {
         *           "id": "01a224da-3501-78b4-99ac-093fcab681ab",
         *           "journalCode": "ACH",
         *           "entryDate": "2024-01-15T00:00:00.000Z",
         *           "accountNumber": "60100000",
         *           "label": "Achat marchandises",
         *           "debit": "1000.00",
         *           "credit": "0.00"
         *         },
         *         {
         *           "id": "01a224da-3505-7257-8c8a-e7998bf25525",
         *           "journalCode": "ACH",
         *           "entryDate": "2024-01-15T00:00:00.000Z",
         *           "accountNumber": "44566000",
         *           "label": "TVA déductible",
         *           "debit": "200.00",
         *           "credit": "0.00"
         *         },
         *         {
         *           "id": "01a224da-3507-7b7e-a228-e992162cf2f8",
         *           "journalCode": "ACH",
         *           "entryDate": "2024-01-15T00:00:00.000Z",
         *           "accountNumber": "40100000",
         *           "label": "Fournisseur ACME Corp",
         *           "debit": "0.00",
         *           "credit": "1200.00"
         *         }
         *       ]
         *     }
         */
        InvoiceDetail: {
            accountingEntries: components["schemas"]["AccountingEntryView"][];
            amountHT?: null | string;
            amountTTC?: null | string;
            amountTVA?: null | string;
            analysis?: null | components["schemas"]["InvoiceAnalysisView"];
            currency?: null | string;
            documentType?: null | string;
            dueDate?: null | string;
            einvoiceNotes?: null | string;
            errorMessage?: null | string;
            fieldConfidences: {
                [key: string]: number | string;
            };
            fieldPositions: {
                [key: string]: components["schemas"]["PageBox"];
            };
            fileName: string;
            /** Format: int64 */
            fileSize?: number | string;
            fileUrl?: null | string;
            fileUrlExpiresAt?: null | string;
            iban?: null | string;
            /** Format: uuid */
            id: string;
            invoiceDate?: null | string;
            invoiceNumber?: null | string;
            isCreditNote?: boolean;
            lastRetryAt?: null | string;
            lineItems: components["schemas"]["LineItemView"][];
            mediaType: string;
            /** Format: double */
            ocrConfidence?: null | number | string;
            ocrEngine?: null | string;
            ocrText?: null | string;
            ocrTextError?: null | string;
            paymentTerms?: null | string;
            processedAt?: null | string;
            /** Format: int32 */
            retryCount?: number | string;
            source: string;
            status: string;
            supplierAddress?: null | string;
            supplierName?: null | string;
            supplierSiren?: null | string;
            supplierSiret?: null | string;
            supplierVAT?: null | string;
            tvaRate?: null | string;
            uploadedAt: string;
            validatedAt?: null | string;
            vatBreakdown: components["schemas"]["VatLineView"][];
        };
        /**
         * @example {
         *       "success": true,
         *       "invoices": [
         *         {
         *           "id": "01a224da-2ee1-7e7f-b902-bf138033389b",
         *           "fileName": "facture.pdf",
         *           "status": "AI_COMPLETED",
         *           "uploadedAt": "2025-11-17T20:30:00.000Z",
         *           "processedAt": "2025-11-17T20:30:02.000Z",
         *           "ocrConfidence": 0.92,
         *           "supplierName": "ACME Corp",
         *           "supplierVAT": "FR12345678901",
         *           "invoiceNumber": "FAC-2024-001",
         *           "invoiceDate": "2024-01-15T00:00:00.000Z",
         *           "amountTTC": "1200.00",
         *           "currency": "EUR",
         *           "retryCount": 0,
         *           "errorMessage": null
         *         }
         *       ],
         *       "page": 1,
         *       "pageSize": 20,
         *       "total": 1,
         *       "counts": {
         *         "UPLOADED": 0,
         *         "OCR_PROCESSING": 0,
         *         "OCR_COMPLETED": 0,
         *         "OCR_FAILED": 0,
         *         "PENDING_VALIDATION": 0,
         *         "AI_PROCESSING": 0,
         *         "AI_COMPLETED": 1,
         *         "AI_FAILED": 0,
         *         "VALIDATED": 0,
         *         "EXPORTED": 0
         *       }
         *     }
         */
        InvoiceListResponse: {
            counts: {
                [key: string]: number | string;
            };
            invoices: components["schemas"]["InvoiceSummary"][];
            /** Format: int32 */
            page: number | string;
            /** Format: int32 */
            pageSize: number | string;
            success: boolean;
            /** Format: int64 */
            total: number | string;
        };
        /**
         * @example {
         *       "success": true,
         *       "invoice": {
         *         "id": "01a224da-2ee1-7e7f-b902-bf138033389b",
         *         "fileName": "facture.pdf",
         *         "status": "AI_COMPLETED",
         *         "uploadedAt": "2025-11-17T20:30:00.000Z",
         *         "processedAt": "2025-11-17T20:30:02.000Z",
         *         "ocrConfidence": 0.92,
         *         "supplierName": "ACME Corp",
         *         "supplierVAT": "FR12345678901",
         *         "invoiceNumber": "FAC-2024-001",
         *         "invoiceDate": "2024-01-15T00:00:00.000Z",
         *         "amountTTC": "1200.00",
         *         "currency": "EUR",
         *         "retryCount": 0,
         *         "errorMessage": null,
         *         "fileUrl": "https://api.easyfacture.com/api/invoices/01a224da-2ee1-7e7f-b902-bf138033389b/file?tenant=01a224da-2e49-747b-8210-637a8555d8cb&expires=1763412300&kid=key1&sig=Sf3guOPpHz7nl0E0V6G3Ak2a9eHxjtpi8CO1CiIvOic",
         *         "fileUrlExpiresAt": "2025-11-17T20:45:00.000Z",
         *         "mediaType": "application/pdf",
         *         "fileSize": 251566,
         *         "source": "upload",
         *         "ocrEngine": "textract",
         *         "ocrText": "Texte complet extrait de la facture...",
         *         "ocrTextError": null,
         *         "supplierAddress": "123 Rue de la Paix, 75001 Paris",
         *         "supplierSiren": "123456789",
         *         "supplierSiret": "12345678900012",
         *         "dueDate": "2024-02-15T00:00:00.000Z",
         *         "amountHT": "1000.00",
         *         "amountTVA": "200.00",
         *         "tvaRate": "20.00",
         *         "isCreditNote": false,
         *         "documentType": "380",
         *         "paymentTerms": "30 jours fin de mois",
         *         "iban": null,
         *         "einvoiceNotes": null,
         *         "lastRetryAt": null,
         *         "validatedAt": null,
         *         "fieldConfidences": {
         *           "supplierName": 0.97,
         *           "invoiceNumber": 0.92,
         *           "invoiceDate": 0.92,
         *           "amountTTC": 0.985
         *         },
         *         "fieldPositions": {
         *           "amountTTC": {
         *             "page": 1,
         *             "left": 0.351,
         *             "top": 0.3137,
         *             "width": 0.0719,
         *             "height": 0.0121
         *           }
         *         },
         *         "analysis": {
         *           "analyzer": "claude",
         *           "notes": null,
         *           "attempts": 1,
         *           "analyzedAt": "2025-11-17T20:30:05.000Z",
         *           "editedAt": null
         *         },
         *         "vatBreakdown": [
         *           {
         *             "categoryCode": "S",
         *             "rate": "20.00",
         *             "baseAmount": "1000.00",
         *             "taxAmount": "200.00"
         *           }
         *         ],
         *         "lineItems": [],
         *         "accountingEntries": [
         *           {
         *             "id": "01a224da-3501-78b4-99ac-093fcab681ab",
         *             "journalCode": "ACH",
         *             "entryDate": "2024-01-15T00:00:00.000Z",
         *             "accountNumber": "60100000",
         *             "label": "Achat marchandises",
         *             "debit": "1000.00",
         *             "credit": "0.00"
         *           },
         *           {
         *             "id": "01a224da-3505-7257-8c8a-e7998bf25525",
         *             "journalCode": "ACH",
         *             "entryDate": "2024-01-15T00:00:00.000Z",
         *             "accountNumber": "44566000",
         *             "label": "TVA déductible",
         *             "debit": "200.00",
         *             "credit": "0.00"
         *           },
         *           {
         *             "id": "01a224da-3507-7b7e-a228-e992162cf2f8",
         *             "journalCode": "ACH",
         *             "entryDate": "2024-01-15T00:00:00.000Z",
         *             "accountNumber": "40100000",
         *             "label": "Fournisseur ACME Corp",
         *             "debit": "0.00",
         *             "credit": "1200.00"
         *           }
         *         ]
         *       }
         *     }
         */
        InvoiceResponse: {
            invoice: components["schemas"]["InvoiceDetail"];
            success: boolean;
        };
        InvoiceStatesResponse: {
            counts: {
                [key: string]: number | string;
            };
            invoices: components["schemas"]["InvoiceStateView"][];
            success: boolean;
        };
        InvoiceStateView: {
            errorMessage: null | string;
            /** Format: uuid */
            id: string;
            status: string;
            updatedAt: string;
        };
        /**
         * @example {
         *       "id": "01a224da-2ee1-7e7f-b902-bf138033389b",
         *       "fileName": "facture.pdf",
         *       "status": "AI_COMPLETED",
         *       "uploadedAt": "2025-11-17T20:30:00.000Z",
         *       "processedAt": "2025-11-17T20:30:02.000Z",
         *       "ocrConfidence": 0.92,
         *       "supplierName": "ACME Corp",
         *       "supplierVAT": "FR12345678901",
         *       "invoiceNumber": "FAC-2024-001",
         *       "invoiceDate": "2024-01-15T00:00:00.000Z",
         *       "amountTTC": "1200.00",
         *       "currency": "EUR",
         *       "retryCount": 0,
         *       "errorMessage": null
         *     }
         */
        InvoiceSummary: {
            amountTTC?: null | string;
            currency?: null | string;
            errorMessage?: null | string;
            fileName: string;
            /** Format: uuid */
            id: string;
            invoiceDate?: null | string;
            invoiceNumber?: null | string;
            /** Format: double */
            ocrConfidence?: null | number | string;
            processedAt?: null | string;
            /** Format: int32 */
            retryCount?: number | string;
            status: string;
            supplierName?: null | string;
            supplierVAT?: null | string;
            uploadedAt: string;
        };
        LicenseCount: {
            /** Format: int64 */
            count: number | string;
            license_type: string;
            status: string;
        };
        LicenseDetailResponse: {
            history: components["schemas"]["LicenseEvent"][];
            history_counts: {
                [key: string]: number | string;
            };
            key: components["schemas"]["DecodedLicenseKey"];
            license: components["schemas"]["LicenseSummary"];
            machine_products?: string[];
            os_info: null | string;
            success?: boolean;
        };
        LicenseEvent: {
            action_type: string;
            app_version: null | string;
            /** Format: date-time */
            created_at: string;
            ip_address: null | string;
            os_info: null | string;
            user_agent: null | string;
        };
        /**
         * @example {
         *       "success": true,
         *       "license_key": "EF1.eyJsaWQiOjEsIm1pZCI6ImExYjJjM2Q0ZTVmNjA3MTgyOTNhNGI1YzZkN2U4ZjkwIiwidHlwIjoiYW5udWFsIiwicHJkIjoiZWFzeWZhY3R1cmUiLCJpYXQiOjE3OTU5MTQ2MDUsImV4cCI6MTgyNzQ0NjM5OSwia2lkIjoiZTMyMTFmZTAxMjNjODUwMSJ9.99S1XrOeYMe29ThZ6uoUkYXLUhVlPiSdIlunUPlsfKMhbKUZTPlYdHkaAdpm-ws56vgC71JnFoaKh27hEIjZRg",
         *       "license_type": "trial",
         *       "expires_at": "2026-01-30T23:59:59Z",
         *       "days_remaining": 30,
         *       "message": "Licence trial créée avec succès"
         *     }
         * @example {
         *       "success": true,
         *       "license_key": "EF1.eyJsaWQiOjEsIm1pZCI6ImExYjJjM2Q0ZTVmNjA3MTgyOTNhNGI1YzZkN2U4ZjkwIiwidHlwIjoiYW5udWFsIiwicHJkIjoiZWFzeWZhY3R1cmUiLCJpYXQiOjE3OTU5MTQ2MDUsImV4cCI6MTgyNzQ0NjM5OSwia2lkIjoiZTMyMTFmZTAxMjNjODUwMSJ9.99S1XrOeYMe29ThZ6uoUkYXLUhVlPiSdIlunUPlsfKMhbKUZTPlYdHkaAdpm-ws56vgC71JnFoaKh27hEIjZRg",
         *       "license_type": "annual",
         *       "expires_at": "2026-12-31T23:59:59Z",
         *       "days_remaining": 365,
         *       "message": "Licence activée avec succès"
         *     }
         */
        LicenseIssuedResponse: {
            /** Format: int32 */
            days_remaining: number | string;
            /** Format: date-time */
            expires_at: string;
            license_key: string;
            license_type: string;
            message: string;
            success?: boolean;
        };
        LicenseSearchResponse: {
            licenses: components["schemas"]["LicenseSummary"][];
            /** Format: int32 */
            page: number | string;
            /** Format: int32 */
            page_size: number | string;
            success?: boolean;
            /** Format: int64 */
            total: number | string;
        };
        LicenseStatsResponse: {
            app_versions: components["schemas"]["UsageCount"][];
            /** Format: int32 */
            days: number | string;
            failed_logins_per_day: components["schemas"]["DayCount"][];
            licenses: components["schemas"]["LicenseCount"][];
            machines_seen: components["schemas"]["MachinesSeen"];
            operating_systems: components["schemas"]["UsageCount"][];
            products?: components["schemas"]["ProductStats"][];
            revocations_per_day: components["schemas"]["DayCount"][];
            /** Format: date-time */
            since: string;
            success?: boolean;
            trials_per_day: components["schemas"]["TrialDay"][];
            trials_per_week: components["schemas"]["TrialWeek"][];
            validations_per_day: components["schemas"]["DayCount"][];
        };
        LicenseSummary: {
            /** Format: date-time */
            activated_at?: null | string;
            activation_code?: null | string;
            app_version?: null | string;
            /** Format: date-time */
            created_at?: string;
            email?: string;
            /** Format: date-time */
            expires_at?: string;
            /** Format: int64 */
            id?: number | string;
            /** Format: date-time */
            last_heartbeat_at?: null | string;
            /** Format: date-time */
            last_validated_at?: null | string;
            license_type?: string;
            machine_id?: string;
            product?: string;
            /** Format: date-time */
            revoked_at?: null | string;
            revoked_reason?: null | string;
            status?: string;
            /** Format: date-time */
            trial_started_at?: null | string;
        };
        LineItemView: {
            description: null | string;
            netAmount: null | string;
            quantity: null | string;
            unitCode: null | string;
            unitPrice: null | string;
            vatCategory: null | string;
            vatRate: null | string;
        };
        LoginRequest: {
            email: string;
            password: string;
        };
        MachinesSeen: {
            /** Format: int64 */
            last7d: number | string;
            /** Format: int64 */
            last24h: number | string;
            /** Format: int64 */
            last30d: number | string;
        };
        PageBox: {
            /** Format: double */
            height: number | string;
            /** Format: double */
            left: number | string;
            /** Format: int32 */
            page: number | string;
            /** Format: double */
            top: number | string;
            /** Format: double */
            width: number | string;
        };
        PartnerCode: {
            code?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: int32 */
            duration_days?: number | string;
            /** Format: date-time */
            expires_at?: null | string;
            is_used?: boolean;
            license_type?: string;
            notes?: null | string;
            product?: string;
            /** Format: date-time */
            used_at?: null | string;
        };
        PartnerCodeListResponse: {
            codes: components["schemas"]["PartnerCode"][];
            /** Format: int32 */
            page: number | string;
            /** Format: int32 */
            page_size: number | string;
            success?: boolean;
            /** Format: int64 */
            total: number | string;
        };
        PartnerCodesRequest: {
            /** Format: int32 */
            count: null | number | string;
            /** Format: int32 */
            duration_days: null | number | string;
            /** Format: date-time */
            expires_at: null | string;
            license_type: string;
            notes: null | string;
            product: string;
        };
        PartnerListResponse: {
            partners: components["schemas"]["PartnerSummary"][];
            success?: boolean;
        };
        PartnerResponse: {
            partner: components["schemas"]["PartnerSummary"];
            success?: boolean;
        };
        PartnerSummary: {
            /** Format: date-time */
            created_at: null | string;
            created_by: null | string;
            /** Format: date-time */
            disabled_at: null | string;
            name: string;
            products: string[];
            source: string;
        };
        PasswordChangeRequest: {
            current_password: string;
            new_password: string;
        };
        PasswordSetupRequest: {
            password: string;
            token: string;
        };
        Product: {
            code?: string;
            /** Format: date-time */
            created_at?: string;
            license_types?: string[];
            name?: string;
            renewal_url?: null | string;
            /** Format: int32 */
            trial_days?: number | string;
            /** Format: date-time */
            updated_at?: string;
        };
        ProductListResponse: {
            products: components["schemas"]["Product"][];
            success?: boolean;
        };
        ProductResponse: {
            product: components["schemas"]["Product"];
            success?: boolean;
        };
        ProductStats: {
            app_versions?: components["schemas"]["VersionCount"][];
            licenses?: components["schemas"]["LicenseCount"][];
            /** Format: int64 */
            machines_seen_30d?: number | string;
            name?: string;
            product?: string;
            /** Format: int64 */
            trials_converted?: number | string;
            /** Format: int64 */
            trials_started?: number | string;
        };
        PublicKeyEntry: {
            current: boolean;
            key_id: string;
            public_key: string;
            public_key_pem: string;
        };
        PublicKeyResponse: {
            algorithm: string;
            current_key_id: string;
            keys: components["schemas"]["PublicKeyEntry"][];
            success?: boolean;
        };
        PublishReleaseRequest: {
            channel: null | string;
            min_version: null | string;
            notes: null | string;
            product: string;
            /** Format: int32 */
            rollout_percent: null | number | string;
            sha256: string;
            /** Format: int64 */
            size: number | string;
            url: string;
            version: string;
        };
        RefreshRequest: {
            refresh_token: null | string;
        };
        RegisterWebhookRequest: {
            description: null | string;
            events: string[];
            owner_email: null | string;
            url: string;
        };
        Release: {
            channel?: string;
            /** Format: date-time */
            created_at?: string;
            created_by?: string;
            /** Format: int64 */
            id?: number | string;
            /** Format: int64 */
            machines?: number | string;
            /** Format: int64 */
            machines_7d?: number | string;
            min_version?: null | string;
            notes?: null | string;
            product?: string;
            /** Format: int64 */
            product_machines?: number | string;
            /** Format: int64 */
            product_machines_7d?: number | string;
            /** Format: int32 */
            rollout_percent?: number | string;
            sha256?: string;
            /** Format: int64 */
            size?: number | string;
            url?: string;
            version?: string;
        };
        ReleaseListResponse: {
            releases: components["schemas"]["Release"][];
            success?: boolean;
        };
        ReleaseResponse: {
            release: components["schemas"]["Release"];
            success?: boolean;
        };
        /**
         * @example {
         *       "success": true,
         *       "message": "OCR relancé",
         *       "invoiceId": "01a224da-2ee1-7e7f-b902-bf138033389b"
         *     }
         */
        RetryResponse: {
            /** Format: uuid */
            invoiceId: string;
            message: string;
            success: boolean;
        };
        /**
         * @example {
         *       "reason": "chargeback",
         *       "product": "easyfacture"
         *     }
         */
        RevokeRequest: {
            product: null | string;
            reason: null | string;
        };
        /**
         * @example {
         *       "success": true,
         *       "message": "Licence révoquée avec succès",
         *       "machine_id": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
         *       "revoked_at": "2025-12-31T12:00:00Z",
         *       "revoked_reason": "chargeback"
         *     }
         */
        RevokeResponse: {
            machine_id: string;
            message: string;
            /** Format: date-time */
            revoked_at: string;
            revoked_reason: null | string;
            success?: boolean;
        };
        SignedInAccount: {
            display_name: string;
            email: string;
            /** Format: uuid */
            id: string;
            role: string;
            /** Format: uuid */
            tenant_id: null | string;
        };
        SuccessResponse: {
            message: string;
            success?: boolean;
        };
        SupplierAccountResponse: {
            expenseAccount: null | string;
            success: boolean;
            supplierAccount: null | string;
            supplierName: string;
        };
        TenantListResponse: {
            success: boolean;
            tenants: components["schemas"]["TenantView"][];
        };
        TenantView: {
            /** Format: date-time */
            created_at: string;
            name: string;
            /** Format: uuid */
            tenant_id: string;
        };
        TokenResponse: {
            access_token: string;
            account: components["schemas"]["SignedInAccount"];
            /** Format: int32 */
            expires_in: number | string;
            refresh_token: string;
            /** Format: date-time */
            refresh_token_expires_at: string;
            success?: boolean;
            token_type?: null | string;
        };
        TrialDay: {
            /** Format: int64 */
            converted: number | string;
            /** Format: int64 */
            created: number | string;
            /** Format: date */
            day: string;
        };
        /**
         * @example {
         *       "machine_id": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
         *       "email": "client@exemple.com",
         *       "product": "easyfacture",
         *       "version": "1.6.0"
         *     }
         */
        TrialRequest: {
            email: string;
            machine_id: string;
            product: null | string;
            version: null | string;
        };
        TrialWeek: {
            /** Format: int64 */
            converted: number | string;
            /** Format: int64 */
            created: number | string;
            /** Format: date */
            week_start: string;
        };
        UpdateProductRequest: {
            license_types: null | string[];
            name: null | string;
            renewal_url: null | string;
            /** Format: int32 */
            trial_days: null | number | string;
        };
        UpdateResponse: {
            key_id: string;
            manifest: string;
            signature: string;
        };
        UpdateRolloutRequest: {
            /** Format: int32 */
            rollout_percent: number | string;
        };
        /**
         * @example {
         *       "success": true,
         *       "invoiceId": "01a224da-2ee1-7e7f-b902-bf138033389b",
         *       "fileName": "facture.pdf",
         *       "fileSize": 251566,
         *       "mediaType": "application/pdf",
         *       "status": "UPLOADED"
         *     }
         */
        UploadResponse: {
            fileName: string;
            /** Format: int64 */
            fileSize: number | string;
            /** Format: uuid */
            invoiceId: string;
            mediaType: string;
            status: string;
            success: boolean;
        };
        UsageCount: {
            /** Format: int64 */
            machines: number | string;
            value: string;
        };
        /**
         * @example {
         *       "machine_id": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
         *       "license_key": "EF1.eyJsaWQiOjEsIm1pZCI6ImExYjJjM2Q0ZTVmNjA3MTgyOTNhNGI1YzZkN2U4ZjkwIiwidHlwIjoiYW5udWFsIiwicHJkIjoiZWFzeWZhY3R1cmUiLCJpYXQiOjE3OTU5MTQ2MDUsImV4cCI6MTgyNzQ0NjM5OSwia2lkIjoiZTMyMTFmZTAxMjNjODUwMSJ9.99S1XrOeYMe29ThZ6uoUkYXLUhVlPiSdIlunUPlsfKMhbKUZTPlYdHkaAdpm-ws56vgC71JnFoaKh27hEIjZRg",
         *       "product": "easyfacture"
         *     }
         */
        ValidateRequest: {
            license_key: string;
            machine_id: string;
            product: null | string;
        };
        /**
         * @example {
         *       "success": true,
         *       "valid": true,
         *       "license_type": "annual",
         *       "expires_at": "2026-12-31T23:59:59Z",
         *       "days_remaining": 365,
         *       "is_active": true,
         *       "customer_email": "client@exemple.com"
         *     }
         * @example {
         *       "success": true,
         *       "valid": false,
         *       "error": "LICENSE_EXPIRED",
         *       "message": "Votre licence a expiré le 2025-12-31",
         *       "expired_at": "2025-12-31T23:59:59Z",
         *       "renewal_url": "https://easyfacture.com/renew"
         *     }
         */
        ValidationResponse: {
            customer_email?: null | string;
            /** Format: int32 */
            days_remaining?: null | number | string;
            error?: null | string;
            /** Format: date-time */
            expired_at?: null | string;
            /** Format: date-time */
            expires_at?: null | string;
            is_active?: null | boolean;
            license_key?: null | string;
            license_type?: null | string;
            message?: null | string;
            renewal_url?: null | string;
            /** Format: date-time */
            revoked_at?: null | string;
            success?: boolean;
            valid: boolean;
        };
        VatLineView: {
            baseAmount: null | string;
            categoryCode: string;
            rate: null | string;
            taxAmount: null | string;
        };
        VersionCount: {
            /** Format: int64 */
            machines: number | string;
            version: string;
        };
        WebhookAttemptView: {
            /** Format: date-time */
            attemptedAt: string;
            error: null | string;
            /** Format: int32 */
            latencyMs: number | string;
            responseExcerpt: null | string;
            /** Format: int32 */
            statusCode: null | number | string;
        };
        WebhookChangedResponse: {
            message: string;
            success: boolean;
        };
        WebhookCreatedResponse: {
            description: null | string;
            events: string[];
            /** Format: uuid */
            id: string;
            secret: string;
            success: boolean;
            url: string;
        };
        WebhookDeliveriesResponse: {
            deliveries: components["schemas"]["WebhookDeliveryView"][];
            success: boolean;
        };
        WebhookDeliveryView: {
            attempt_log: components["schemas"]["WebhookAttemptView"][];
            /** Format: int32 */
            attempts: number | string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            delivered_at: null | string;
            event_id: string;
            event_type: string;
            /** Format: int64 */
            id: number | string;
            /** Format: date-time */
            next_attempt_at: null | string;
            status: string;
        };
        WebhookEndpointView: {
            /** Format: date-time */
            created_at: string;
            description: null | string;
            /** Format: date-time */
            disabled_at: null | string;
            disabled_reason: null | string;
            enabled: boolean;
            events: string[];
            /** Format: uuid */
            id: string;
            owner_email: null | string;
            /** Format: date-time */
            previous_secret_expires_at: null | string;
            url: string;
        };
        WebhookListResponse: {
            success: boolean;
            webhooks: components["schemas"]["WebhookEndpointView"][];
        };
        WebhookSecretResponse: {
            /** Format: date-time */
            previous_secret_expires_at: null | string;
            secret: string;
            success: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    SaveSupplierAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierAccountResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ListExportBatches: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportBatchListResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DownloadExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batchId: string;
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ListInvoices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceListResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    UploadInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "NOT_FOUND",
                     *       "message": "Facture introuvable",
                     *       "details": {},
                     *       "timestamp": "2025-11-17T20:31:00.000Z",
                     *       "request_id": "2fd4f310-29d8-4650-9247-7adf3a157f48"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ValidateInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetInvoiceFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RetryInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetryResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "VALIDATION_ERROR",
                     *       "message": "OCR déjà en cours",
                     *       "details": {
                     *         "status": "OCR_PROCESSING"
                     *       },
                     *       "timestamp": "2025-11-17T20:31:00.000Z",
                     *       "request_id": "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "NOT_FOUND",
                     *       "message": "Facture introuvable",
                     *       "details": {},
                     *       "timestamp": "2025-11-17T20:31:00.000Z",
                     *       "request_id": "2fd4f310-29d8-4650-9247-7adf3a157f48"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetInvoiceStates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceStatesResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ExportSage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    UploadInvoiceAlias: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ListAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountListResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CreateAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DisableAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    EnableAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ResetAccountPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ListActivationCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivationCodeListResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CreateActivationCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateActivationCodesRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivationCodesResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    SearchLicenses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseSearchResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ExportLicensesCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    GetLicense: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                machineId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseDetailResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RevokeLicense: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                machineId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RevokeRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokeResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ListPartners: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerListResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CreatePartner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePartnerRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatePartnerResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DisablePartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ListProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductListResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CreateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProductRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    UpdateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ListReleases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseListResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PublishRelease: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishReleaseRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    UpdateReleaseRollout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRolloutRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    LicenseStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseStatsResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ListTenants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantListResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CreateTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ListAdminWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookListResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegisterAdminWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterWebhookRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookCreatedResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DeleteAdminWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookChangedResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AdminWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveriesResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RedeliverAdminWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookChangedResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    EnableAdminWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookChangedResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RotateAdminWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "RATE_LIMIT_EXCEEDED",
                     *       "message": "Trop de requêtes. Réessayez dans 1 heure.",
                     *       "details": {},
                     *       "timestamp": "2026-01-15T09:12:00.000Z",
                     *       "request_id": "0944bbb6-d519-40bf-a69b-6d13a5901f98",
                     *       "retry_after": 3600
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ChangePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChangeRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "RATE_LIMIT_EXCEEDED",
                     *       "message": "Trop de requêtes. Réessayez dans 1 heure.",
                     *       "details": {},
                     *       "timestamp": "2026-01-15T09:12:00.000Z",
                     *       "request_id": "0944bbb6-d519-40bf-a69b-6d13a5901f98",
                     *       "retry_after": 3600
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    SetUpPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordSetupRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RefreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    UnsubscribeReminders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    UnsubscribeRemindersOneClick: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ActivateLicense: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseIssuedResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "INVALID_ACTIVATION_CODE",
                     *       "message": "Code d'activation invalide ou déjà utilisé",
                     *       "details": {},
                     *       "timestamp": "2026-01-15T09:12:00.000Z",
                     *       "request_id": "7d4c1f0e-5a2b-4c3d-8e9f-0a1b2c3d4e5f"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "RATE_LIMIT_EXCEEDED",
                     *       "message": "Trop de requêtes. Réessayez dans 1 heure.",
                     *       "details": {},
                     *       "timestamp": "2026-01-15T09:12:00.000Z",
                     *       "request_id": "0944bbb6-d519-40bf-a69b-6d13a5901f98",
                     *       "retry_after": 3600
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    LicenseHeartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeartbeatRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeartbeatResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "RATE_LIMIT_EXCEEDED",
                     *       "message": "Trop de requêtes. Réessayez dans 1 heure.",
                     *       "details": {},
                     *       "timestamp": "2026-01-15T09:12:00.000Z",
                     *       "request_id": "0944bbb6-d519-40bf-a69b-6d13a5901f98",
                     *       "retry_after": 3600
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    LicensePublicKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicKeyResponse"];
                };
            };
        };
    };
    CreateTrial: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrialRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseIssuedResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "TRIAL_ALREADY_EXISTS",
                     *       "message": "Une licence trial existe déjà pour cette machine",
                     *       "details": {},
                     *       "timestamp": "2026-01-15T09:12:00.000Z",
                     *       "request_id": "df77448f-0032-44a1-b5dd-529c8721e940",
                     *       "existing_license": {
                     *         "license_type": "trial",
                     *         "expires_at": "2026-01-15T23:59:59Z",
                     *         "days_remaining": 15
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "RATE_LIMIT_EXCEEDED",
                     *       "message": "Trop de requêtes. Réessayez dans 1 heure.",
                     *       "details": {},
                     *       "timestamp": "2026-01-15T09:12:00.000Z",
                     *       "request_id": "0944bbb6-d519-40bf-a69b-6d13a5901f98",
                     *       "retry_after": 3600
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ValidateLicense: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ValidateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "RATE_LIMIT_EXCEEDED",
                     *       "message": "Trop de requêtes. Réessayez dans 1 heure.",
                     *       "details": {},
                     *       "timestamp": "2026-01-15T09:12:00.000Z",
                     *       "request_id": "0944bbb6-d519-40bf-a69b-6d13a5901f98",
                     *       "retry_after": 3600
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PartnerListActivationCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerCodeListResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "RATE_LIMIT_EXCEEDED",
                     *       "message": "Trop de requêtes. Réessayez dans 1 heure.",
                     *       "details": {},
                     *       "timestamp": "2026-01-15T09:12:00.000Z",
                     *       "request_id": "0944bbb6-d519-40bf-a69b-6d13a5901f98",
                     *       "retry_after": 3600
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PartnerCreateActivationCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerCodesRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivationCodesResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": "RATE_LIMIT_EXCEEDED",
                     *       "message": "Trop de requêtes. Réessayez dans 1 heure.",
                     *       "details": {},
                     *       "timestamp": "2026-01-15T09:12:00.000Z",
                     *       "request_id": "0944bbb6-d519-40bf-a69b-6d13a5901f98",
                     *       "retry_after": 3600
                     *     }
                     */
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CheckUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateResponse"];
                };
            };
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ListWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookListResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegisterWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterWebhookRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookCreatedResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Payload Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DeleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookChangedResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveriesResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RedeliverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookChangedResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    EnableWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookChangedResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
}
